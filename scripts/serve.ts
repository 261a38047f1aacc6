/**
 * Serves a built site the way its static host will (see lib/static-server.ts):
 *   node scripts/serve.ts [folder=dist] [port=4322] [--headers]
 * With --headers it also sends the folder's _headers file, as Netlify would.
 * The browser tests use it rather than `astro preview`, which refuses to start
 * while another preview server (say, from `npm start`) is running.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serveStatic } from "./lib/static-server.ts";

const args = process.argv.slice(2);
const withHeaders = args.includes("--headers");
const [folder = "dist", port = "4322"] = args.filter((arg) => arg !== "--headers");
const root = resolve(folder);
if (!existsSync(root)) {
  console.error(`There is no ${folder}/ to serve; run npm run build first.`);
  process.exit(1);
}
const server = await serveStatic(root, Number(port), { headers: withHeaders });
console.log(`Serving ${folder}/ at ${server.url}${withHeaders ? " with its _headers" : ""}`);
