/**
 * Where a build's main thread spent its time, from a V8 CPU profile (what
 * `node --cpu-prof` writes): each sample is charged to the first owner found
 * on its stack, from the top (the function running) down, so the site's own
 * steps are charged with the library code they call (the content check with
 * the YAML parser it runs) and page rendering with the Astro runtime it calls.
 * The benchmark's `--profile` prints it for the full and the bare site.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Who a sample's time belongs to, in the order the report lists them. */
export const OWNERS = [
  "site: content check",
  "site: emit guard and heading ids (in the MDX compiler)",
  "site: social cards (the early start, writing them out)",
  "page rendering (compiled pages and components, Astro's runtime)",
  "Astro: content layer, build orchestration",
  "bundling: Vite, Rolldown, the MDX compiler, Tailwind",
  "Node.js: module loading, file system",
  "garbage collection",
  "idle: waiting for the bundler's threads, workers, the disk",
  // V8's "(program)" and built-in functions, which have no script of their own.
  "native code outside JavaScript, and other",
] as const;
export type Owner = (typeof OWNERS)[number];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The owner a frame marks, by where its code lives; undefined when it says nothing. */
function frameOwner({ url }: ProfileNode["callFrame"]): Owner | undefined {
  if (/\/src\/content-check\/(?:emit-guard|heading-ids)\.ts/.test(url)) {
    return "site: emit guard and heading ids (in the MDX compiler)";
  }
  if (/\/src\/(?:content-check|integrations\/content-check)\//.test(url)) {
    return "site: content check";
  }
  if (/\/src\/(?:lib\/social-card|lib\/png|integrations\/social-cards)/.test(url)) {
    return "site: social cards (the early start, writing them out)";
  }
  if (url.includes("/.prerender/"))
    return "page rendering (compiled pages and components, Astro's runtime)";
  return undefined;
}

/** The owner of a sample no site frame claims: by the package of the function running. */
function leafOwner({ functionName, url }: ProfileNode["callFrame"]): Owner {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)")
    return "idle: waiting for the bundler's threads, workers, the disk";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (
    pkg &&
    /^(?:vite|rolldown|@rolldown\/.*|satteri|@astrojs\/mdx|@astrojs\/markdown-satteri|@tailwindcss\/.*|tailwindcss|lightningcss|esbuild)$/.test(
      pkg,
    )
  ) {
    return "bundling: Vite, Rolldown, the MDX compiler, Tailwind";
  }
  if (pkg) return "Astro: content layer, build orchestration";
  if (url.startsWith("node:")) return "Node.js: module loading, file system";
  return "native code outside JavaScript, and other";
}

/** Seconds of the profile by owner. */
export function attributeProfile(profile: CpuProfile): Map<Owner, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const ownerOf = new Map<number, Owner>();
  const owner = (id: number): Owner => {
    const known = ownerOf.get(id);
    if (known) return known;
    let found: Owner | undefined;
    for (let at: number | undefined = id; at !== undefined && !found; at = parent.get(at)) {
      found = frameOwner((byId.get(at) as ProfileNode).callFrame);
    }
    const result = found ?? leafOwner((byId.get(id) as ProfileNode).callFrame);
    ownerOf.set(id, result);
    return result;
  };
  const seconds = new Map<Owner, number>(OWNERS.map((name) => [name, 0]));
  profile.samples.forEach((id, index) => {
    const name = owner(id);
    seconds.set(name, (seconds.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1e6);
  });
  return seconds;
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
}

/** A profile's length in seconds. */
export const profileSeconds = (profile: CpuProfile): number =>
  (profile.endTime - profile.startTime) / 1e6;

/**
 * The profile of the process that ran longest among those in `folder` (one
 * file per Node.js thread that ran with --cpu-prof): Astro's main thread.
 */
export function longestProfile(folder: string): CpuProfile {
  const profiles = readdirSync(folder)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => readProfile(join(folder, name)));
  const [longest] = profiles.sort((a, b) => profileSeconds(b) - profileSeconds(a));
  if (!longest) throw new Error(`${folder} holds no CPU profile`);
  return longest;
}
