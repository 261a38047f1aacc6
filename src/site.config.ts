/** Site-wide settings. Values that differ per deployment come from the environment. */

import { execFileSync } from "node:child_process";

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

const githubRepository =
  process.env["GITHUB_SERVER_URL"] && process.env["GITHUB_REPOSITORY"]
    ? `${process.env["GITHUB_SERVER_URL"]}/${process.env["GITHUB_REPOSITORY"]}`
    : originRepository();

export const SITE = {
  /** The site's name, in the header, titles and structured data. */
  name: "DJI Claims Check",
  /** One sentence on what the site is. */
  description:
    "A claim-by-claim fact-check of Engadget's 30 November 2017 story on the leaked ICE bulletin accusing drone maker DJI of passing US data to the Chinese government.",
  /** The language of every page. */
  lang: "en",
  /**
   * The repository that holds the content, for "edit this page" and history
   * links: REPOSITORY_URL, else GitHub Actions' own variables, else the
   * checkout's GitHub origin. Without one, those links are left out.
   */
  repository: process.env["REPOSITORY_URL"] ?? githubRepository,
  /** The branch editors open pull requests against. */
  branch: "main",
  /**
   * The story this site checks. The address is the one MITechNews linked when
   * it republished the story on 1 December 2017 (content/sources/
   * mitechnews-2017-engadget-republished.yaml); the text checked is the
   * story as published.
   */
  story: {
    title: "Homeland Security claims DJI drones are spying for China",
    publisher: "Engadget",
    author: "Mallory Locklear",
    date: "2017-11-30",
    url: "https://www.engadget.com/2017/11/30/homeland-security-claims-dji-drones-spying-china/",
  },
} as const;
