import { describe, expect, test } from "vitest";
import { createFetchPage } from "../../../scripts/lib/source-check/index.ts";
import { STORY, WIRE, networkError } from "./web.ts";

/** A resolver that gives every host one public address, so no test touches DNS. */
const publicLookup = async () => ["93.184.216.34"];

describe("the real fetchPage", () => {
  test("sends a polite User-Agent, follows redirects and decodes the page's charset", async () => {
    let headers: Headers | undefined;
    let redirect: RequestRedirect | undefined;
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      headers = new Headers(init?.headers);
      redirect = init?.redirect;
      return new Response(Uint8Array.from([0x93, 0x68, 0x69, 0x94]), {
        status: 200,
        headers: { "content-type": "text/html; charset=windows-1252" },
      });
    };
    const result = await createFetchPage({
      fetch,
      userAgent: "Polite/1.0 (+contact)",
      lookup: publicLookup,
    })(STORY);
    expect(headers?.get("user-agent")).toBe("Polite/1.0 (+contact)");
    // Redirects are followed one hop at a time, so each hop's address is checked.
    expect(redirect).toBe("manual");
    expect(result).toMatchObject({
      status: 200,
      body: "“hi”",
      contentType: expect.stringContaining("html"),
    });
    const defaultAgent = createFetchPage({ fetch, lookup: publicLookup });
    await defaultAgent(STORY);
    expect(headers?.get("user-agent")).toMatch(/^DJIClaimsCheck-SourceCheck\/1\.0 \(/);
  });

  test("turns a thrown network error into an error result naming its cause", async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw networkError("wire.test");
    };
    expect(await createFetchPage({ fetch, lookup: publicLookup })(WIRE)).toEqual({
      error: "fetch failed (ENOTFOUND)",
    });
  });

  test("follows a redirect hop by hop and reports the final address", async () => {
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(String(input));
      return String(input) === STORY
        ? new Response(null, { status: 301, headers: { location: "/moved" } })
        : new Response("<p>here</p>", { status: 200 });
    };
    const result = await createFetchPage({ fetch, lookup: publicLookup })(STORY);
    expect(asked).toEqual([STORY, new URL("/moved", STORY).href]);
    expect(result).toMatchObject({ status: 200, finalUrl: new URL("/moved", STORY).href });
  });

  test.each([
    ["a loopback address", "http://127.0.0.1/admin", publicLookup],
    ["an IPv6 loopback address", "http://[::1]/", publicLookup],
    ["an IPv4 address written as IPv6", "http://[::ffff:10.0.0.1]/", publicLookup],
    ["a cloud metadata address", "http://169.254.169.254/latest/meta-data/", publicLookup],
    ["a host that resolves inside the network", STORY, async () => ["10.1.2.3"]],
    [
      "a host with one private address among public ones",
      STORY,
      async () => ["93.184.216.34", "192.168.0.5"],
    ],
  ])("refuses %s before sending anything", async (_, url, lookup) => {
    let sent = false;
    const fetch: typeof globalThis.fetch = async () => {
      sent = true;
      return new Response("secret");
    };
    const result = await createFetchPage({ fetch, lookup })(url);
    expect(result).toMatchObject({ error: expect.stringMatching(/^refused: /) });
    expect(sent).toBe(false);
  });

  test("refuses a redirect into the network it runs on", async () => {
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      asked.push(String(input));
      return new Response(null, { status: 302, headers: { location: "http://127.0.0.1:8080/" } });
    };
    const result = await createFetchPage({ fetch, lookup: publicLookup })(STORY);
    expect(result).toMatchObject({ error: expect.stringMatching(/^refused: 127\.0\.0\.1 /) });
    expect(asked).toEqual([STORY]);
  });

  test("refuses an address that is not http or https", async () => {
    const result = await createFetchPage({ lookup: publicLookup })("file:///etc/passwd");
    expect(result).toEqual({ error: "refused file: (only http and https are fetched)" });
  });
});
