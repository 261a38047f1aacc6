import type { APIRoute } from "astro";
import { datasetJsonSchema } from "@/lib/dataset";
import { fileUrl } from "@/lib/site-urls";

export const GET: APIRoute = ({ site }) =>
  Response.json(datasetJsonSchema(fileUrl(site, "claims.schema.json")));
