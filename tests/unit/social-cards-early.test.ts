import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import type { CollectionEntry } from "astro:content";
import { inspectContent } from "@/content-check";
import { SCHEMAS } from "@/content-check/validate";
import { earlyCardInputs } from "@/integrations/social-cards/index";
import { addressOf } from "@/lib/card-input";
import { claimCardInput, orderClaimCards } from "@/lib/card-content";
import { cardOrdersFile, loadCardOrders, saveCardOrders, takeCardOrders } from "@/lib/card-orders";
import { fixtureRoot } from "./fixtures";

const SITE_URL = new URL("https://factcheck.example.org/");

/** The claims as the claim route gets them: schema-parsed, published, in reading order. */
function routeClaims(root: string): CollectionEntry<"claims">[] {
  return inspectContent(root)
    .files.filter((file) => file.collection === "claims")
    .map((file) => ({ id: file.id, data: SCHEMAS.claims.parse(file.data) }))
    .filter(({ data }) => !(data as { draft: boolean }).draft)
    .sort(
      (a, b) =>
        (a.data as { appearance: { order: number } }).appearance.order -
        (b.data as { appearance: { order: number } }).appearance.order,
    ) as unknown as CollectionEntry<"claims">[];
}

describe("the cards a build starts drawing before Astro reads content", () => {
  test("are exactly the cards the claim route orders, in its order (this site's content)", () => {
    const { problems, files } = inspectContent(process.cwd());
    expect(problems).toEqual([]);
    const early = earlyCardInputs(files, { site: SITE_URL.href, base: "/" });
    const route = routeClaims(process.cwd()).map((claim) => claimCardInput(claim, SITE_URL));
    expect(route.length).toBeGreaterThan(0);
    expect(early).toEqual(route);
  });

  test("leave drafts out", () => {
    const root = fixtureRoot("valid");
    const [claim] = inspectContent(root).files.filter((file) => file.collection === "claims");
    const text = readFileSync(join(root, claim!.file), "utf8");
    expect(text).not.toMatch(/^draft:/m);
    writeFileSync(
      join(root, "content", "claims", "a-draft-claim.mdx"),
      text
        .replace(/^---\n/, "---\ndraft: true\n")
        .replace(/^title: "(.*)"$/m, 'title: "$1, a draft"'),
    );
    const { files } = inspectContent(root);
    const early = earlyCardInputs(files, { site: SITE_URL.href, base: "/" });
    expect(files.filter((file) => file.collection === "claims")).toHaveLength(2);
    expect(early.map(({ title }) => title)).toEqual([(claim!.data as { title: string }).title]);
    rmSync(root, { recursive: true, force: true });
  });

  test("name the site's address as the claim route does, under a sub-path too", () => {
    expect(addressOf(new URL("/", SITE_URL).href)).toBe("factcheck.example.org");
    const { files } = inspectContent(process.cwd());
    const [card] = earlyCardInputs(files, { site: SITE_URL.href, base: "/dji-check" });
    expect(card?.address).toBe("factcheck.example.org/dji-check");
  });

  test("are none without a site address (the deployment check stops such a build)", () => {
    const { files } = inspectContent(process.cwd());
    expect(earlyCardInputs(files, { site: undefined, base: "/" })).toEqual([]);
  });
});

describe("the cards a build's pages order", () => {
  test("are shared by the two copies of the order book, heard as they come, and taken once", async () => {
    const first = await import("@/lib/card-orders");
    vi.resetModules();
    const second = await import("@/lib/card-orders");
    expect(second).not.toBe(first);
    const order = {
      input: {
        siteName: "DJI Claims Check",
        address: "factcheck.example.org",
        title: "An ordered card",
        answer: "Unproven: a test card.",
        ratings: { verdict: "unproven", reporting: "accurate" },
      },
      from: "content/claims/ordered.mdx",
    } as const;
    const heard = vi.fn();
    const stop = second.onCardsOrdered(heard);
    first.orderCards([["cards/ordered.png", order]]);
    expect(heard).toHaveBeenCalledTimes(1);
    expect([...second.takeCardOrders()]).toEqual([["cards/ordered.png", order]]);
    expect(first.takeCardOrders().size).toBe(0);
    stop();
    first.orderCards([]);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test("are each claim's card at the address its page links to", () => {
    const claims = routeClaims(process.cwd());
    orderClaimCards(claims, SITE_URL);
    const orders = takeCardOrders();
    expect([...orders.keys()]).toEqual(claims.map((claim) => `cards/${claim.id}.png`));
    expect([...orders.values()].map(({ input }) => input)).toEqual(
      claims.map((claim) => claimCardInput(claim, SITE_URL)),
    );
  });

  test("are handed to the finishing step in a file per output folder, none leaving no file", () => {
    const root = mkdtempSync(join(tmpdir(), "card-orders-"));
    const file = cardOrdersFile(root, join(root, "dist-subpath"));
    expect(file).toBe(join(root, ".cache", "card-orders", "dist-subpath.json"));
    expect(loadCardOrders(file)).toBeUndefined();
    const claims = routeClaims(process.cwd());
    orderClaimCards(claims, SITE_URL);
    const orders = takeCardOrders();
    saveCardOrders(file, orders);
    expect(loadCardOrders(file)).toEqual(orders);
    saveCardOrders(file, new Map());
    expect(existsSync(file)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
