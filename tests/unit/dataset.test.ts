import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { assembleClaimPage } from "@/lib/claim-page";
import { buildDataset, datasetCsv, datasetJsonSchema } from "@/lib/dataset";
import { fixtureEntries } from "./entries";

const { claims, claimants, sources } = fixtureEntries();
const sourcesById = new Map(sources.map((source) => [source.id, source]));

function pagesFor(list = claims) {
  return list.map((claim) =>
    assembleClaimPage({
      claim,
      claimant: claimants.find(({ id }) => id === claim.data.claimant.id)!,
      firstAppearance: undefined,
      sourcesById,
      site: new URL("https://site.test/"),
      lastChanged: undefined,
      repository: undefined,
      contact: { correctionForm: undefined, email: undefined },
    }),
  );
}

const validate = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(datasetJsonSchema("https://site.test/claims.schema.json"));
};

describe("the dataset", () => {
  test("validates against its published JSON Schema", () => {
    const dataset = buildDataset(pagesFor(), "https://site.test/", new Date("2026-11-24"));
    const check = validate();
    expect(check(dataset), JSON.stringify(check.errors)).toBe(true);
    expect(dataset.claims).toHaveLength(claims.length);
    const [first] = dataset.claims[0]!.citations;
    expect(first?.source.url).toBe("https://agency.test/report");
    expect(first?.source.archiveLookupUrl).toBe(
      "https://web.archive.org/web/*/https://agency.test/report",
    );
    expect(dataset.claims[0]?.evidenceLastSearched).toBe("2026-11-24");
    expect(dataset.claims[0]?.newestSourceDate).toBe("2017-11-29");
  });

  test("gives each claim its answer and points in brief, and the ratings in the site's order", () => {
    const [entry] = buildDataset(pagesFor(), "https://site.test/", new Date("2026-11-24")).claims;
    expect(entry?.answer).toBe(claims[0]!.data.answer);
    expect(entry?.inBrief).toEqual(claims[0]!.data.inBrief);
    const keys = Object.keys(entry ?? {});
    expect(keys.indexOf("verdict")).toBeLessThan(keys.indexOf("reporting"));
  });

  test("the schema rejects a claim without its verdict", () => {
    const dataset = buildDataset(pagesFor(), "https://site.test/", new Date("2026-11-24"));
    delete (dataset.claims[0] as Partial<(typeof dataset.claims)[number]>).verdict;
    expect(validate()(dataset)).toBe(false);
  });

  test("writes CSV that quotes commas, quotes and line breaks", () => {
    const [claim] = claims;
    const tricky = { ...claim!, data: { ...claim!.data, claim: 'He said "yes", then\nleft' } };
    const csv = datasetCsv(buildDataset(pagesFor([tricky]), "https://site.test/", new Date()));
    expect(csv.split("\r\n")[0]).toBe(
      '"id","url","order","claimant","claim","proposition","verdict","reporting","answer","bottomLine","published","updated","evidenceLastSearched","newestSourceDate","sourceUrls"',
    );
    expect(csv).toContain('"He said ""yes"", then\nleft"');
  });

  test.each(['=HYPERLINK("https://evil.test")', "+1+1", "-2+3", "@SUM(A1)", "\tx"])(
    "neutralises a CSV cell a spreadsheet would run as a formula: %j",
    (formula) => {
      const [claim] = claims;
      const hostile = { ...claim!, data: { ...claim!.data, bottomLine: formula } };
      const dataset = buildDataset(pagesFor([hostile]), "https://site.test/", new Date());
      const row = datasetCsv(dataset).split("\r\n")[1] ?? "";
      expect(row).toContain(`'${formula.startsWith("=") ? "=HYPERLINK" : formula.slice(0, 2)}`);
      // The JSON keeps the editor's text exactly.
      expect(dataset.claims[0]?.bottomLine).toBe(formula);
    },
  );
});
