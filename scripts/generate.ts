/** Regenerates the content reference and the editors' JSON Schemas from src/schemas/. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  EDITOR_SCHEMAS,
  JSON_SCHEMA_PATHS,
  REFERENCE_PATH,
  contentReference,
  jsonSchemaFor,
} from "./lib/editor-files.ts";

const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
};

for (const collection of Object.keys(EDITOR_SCHEMAS) as (keyof typeof EDITOR_SCHEMAS)[]) {
  write(JSON_SCHEMA_PATHS[collection], jsonSchemaFor(collection));
}
write(REFERENCE_PATH, contentReference());
