import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { buildDataset, datasetCsv, datasetJsonSchema } from "@/lib/dataset";
import { fixtureEntries } from "./entries";

const { claims, claimants, sources } = fixtureEntries();

function entriesFor(list = claims) {
  return list.map((claim) => ({
    claim,
    claimant: claimants.find(({ id }) => id === claim.data.claimant.id)!,
    citations: claim.data.citations.map((citation, index) => ({
      number: index + 1,
      id: citation.id,
      passage: citation.passage,
      locator: citation.locator,
      source: sources.find(({ id }) => id === citation.source.id)!,
    })),
    url: `https://site.test/claims/${claim.id}/`,
  }));
}

const validate = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(datasetJsonSchema("https://site.test/claims.schema.json"));
};

describe("the dataset", () => {
  test("validates against its published JSON Schema", () => {
    const dataset = buildDataset(entriesFor(), "https://site.test/", new Date("2026-11-24"));
    const check = validate();
    expect(check(dataset), JSON.stringify(check.errors)).toBe(true);
    expect(dataset.claims).toHaveLength(claims.length);
    expect(dataset.claims[0]?.citations[0]?.source.url).toBe("https://agency.test/report");
  });

  test("the schema rejects a claim without its verdict", () => {
    const dataset = buildDataset(entriesFor(), "https://site.test/", new Date("2026-11-24"));
    delete (dataset.claims[0] as Partial<(typeof dataset.claims)[number]>).verdict;
    expect(validate()(dataset)).toBe(false);
  });

  test("never includes a draft", () => {
    const drafts = claims.map((claim) => ({ ...claim, data: { ...claim.data, draft: true } }));
    expect(buildDataset(entriesFor(drafts), "https://site.test/", new Date()).claims).toEqual([]);
  });

  test("writes CSV that quotes commas, quotes and line breaks", () => {
    const [entry] = entriesFor();
    const tricky = {
      ...entry!.claim,
      data: { ...entry!.claim.data, claim: 'He said "yes", then\nleft' },
    };
    const csv = datasetCsv(
      buildDataset([{ ...entry!, claim: tricky }], "https://site.test/", new Date()),
    );
    expect(csv.split("\r\n")[0]).toBe(
      "id,url,order,claimant,claim,reporting,verdict,bottomLine,published,updated,evidenceAsOf,sourceUrls",
    );
    expect(csv).toContain('"He said ""yes"", then\nleft"');
  });
});
