import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  EDITOR_SCHEMAS,
  JSON_SCHEMA_PATHS,
  REFERENCE_PATH,
  contentReference,
  jsonSchemaFor,
} from "../../scripts/lib/editor-files.ts";

const committed = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const STALE = "is out of date with src/schemas/; run `npm run generate` and commit the result";

describe("files generated for editors", () => {
  test(`${REFERENCE_PATH} matches the schemas`, () => {
    expect(committed(REFERENCE_PATH), `${REFERENCE_PATH} ${STALE}`).toBe(contentReference());
  });

  test.each(Object.keys(EDITOR_SCHEMAS) as (keyof typeof EDITOR_SCHEMAS)[])(
    "the %s JSON Schema matches the schemas",
    (collection) => {
      const path = JSON_SCHEMA_PATHS[collection];
      expect(committed(path), `${path} ${STALE}`).toBe(jsonSchemaFor(collection));
    },
  );

  test("the reference lists every claim field and every rating", () => {
    const reference = contentReference();
    for (const field of Object.keys(EDITOR_SCHEMAS.claims.shape))
      expect(reference).toContain(`| \`${field}\` |`);
    expect(reference).toContain("| `not-rated` |");
  });
});
