/**
 * What differs between deployments of the site, read from the environment:
 * the public address, the repository, and the routes readers can reach us by.
 * `src/site.config.ts` reads it for the pages; the deployment check
 * (`src/integrations/deployment-check.ts`) refuses a build that lacks it.
 * Loaded without Vite by astro.config.mjs, so it imports nothing through `@/`.
 */
import { execFileSync } from "node:child_process";

type Env = Readonly<Record<string, string | undefined>>;

/** The GitHub repository this checkout came from, if its origin is on GitHub. */
function originRepository(): string | undefined {
  try {
    const origin = execFileSync("git", ["remote", "get-url", "origin"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const match = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?$/.exec(origin);
    return match ? `https://github.com/${match[1]}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The repository that holds the content: REPOSITORY_URL, else GitHub Actions'
 * own variables, else the checkout's GitHub origin.
 */
export function repositoryUrl(
  env: Env = process.env,
  origin: () => string | undefined = originRepository,
): string | undefined {
  const { REPOSITORY_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = env;
  if (REPOSITORY_URL) return REPOSITORY_URL.replace(/\/+$/, "");
  if (GITHUB_SERVER_URL && GITHUB_REPOSITORY) return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}`;
  return origin();
}

/** A plain address: one @, no spaces, a dotted domain. Anything else is a typo. */
const EMAIL = /^[^\s@<>"(),;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** How readers reach the people behind this copy of the site. */
export interface ContactRoutes {
  /** The repository's correction issue form (.github/ISSUE_TEMPLATE/correction.yml). */
  readonly correctionForm: string | undefined;
  /** The address set in CONTACT_EMAIL for this deployment. */
  readonly email: string | undefined;
}

export function contactRoutes(
  repository: string | undefined,
  env: Env = process.env,
): ContactRoutes {
  const email = env["CONTACT_EMAIL"]?.trim() || undefined;
  if (email && !EMAIL.test(email)) {
    throw new Error(
      `CONTACT_EMAIL is "${email}", which is not an email address; set it to the address readers should write to, e.g. corrections@your-domain`,
    );
  }
  return {
    correctionForm: repository && `${repository}/issues/new?template=correction.yml`,
    email,
  };
}

/** The links a page shows for the contact routes, with a subject line filled in when given. */
export interface ContactLinks {
  readonly correctionForm: string | undefined;
  readonly email: { readonly address: string; readonly href: string } | undefined;
}

export function contactLinks(
  { correctionForm, email }: ContactRoutes,
  subject?: string,
): ContactLinks {
  const encoded = subject === undefined ? undefined : encodeURIComponent(subject);
  return {
    correctionForm:
      correctionForm && (encoded ? `${correctionForm}&title=${encoded}` : correctionForm),
    email: email
      ? { address: email, href: `mailto:${email}${encoded ? `?subject=${encoded}` : ""}` }
      : undefined,
  };
}

/**
 * Why this environment cannot make a production build, one message per
 * missing setting, each naming the variable to set. Empty when it can.
 */
export function productionBuildProblems(
  env: Env = process.env,
  origin: () => string | undefined = originRepository,
): string[] {
  const problems: string[] = [];
  if (!env["SITE_URL"]) {
    problems.push(
      "SITE_URL is not set, so every canonical URL, share link, feed, sitemap and data file would point at localhost. Set SITE_URL to the address the site is published at, e.g. SITE_URL=https://claims.example.org npm run build",
    );
  } else if (!URL.canParse(env["SITE_URL"])) {
    problems.push(
      `SITE_URL is "${env["SITE_URL"]}", which is not an address; set it to the published origin, e.g. https://claims.example.org`,
    );
  }
  try {
    const { correctionForm, email } = contactRoutes(repositoryUrl(env, origin), env);
    if (!correctionForm && !email) {
      problems.push(
        "readers would have no way to reach you: set CONTACT_EMAIL to the address that receives corrections, or REPOSITORY_URL to the GitHub repository whose correction form readers should use",
      );
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}
