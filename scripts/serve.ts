/**
 * Serves a built site the way its static host will (see lib/static-server.ts):
 *   node scripts/serve.ts [folder=dist] [port=4322]
 * The browser tests use it rather than `astro preview`, which refuses to start
 * while another preview server (say, from `npm start`) is running.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serveStatic } from "./lib/static-server.ts";

const [folder = "dist", port = "4322"] = process.argv.slice(2);
const root = resolve(folder);
if (!existsSync(root)) {
  console.error(`There is no ${folder}/ to serve; run npm run build first.`);
  process.exit(1);
}
const server = await serveStatic(root, Number(port));
console.log(`Serving ${folder}/ at ${server.url}`);
