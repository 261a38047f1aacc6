/** Site-wide settings. Values that differ per deployment come from the environment. */

const githubRepository =
  process.env["GITHUB_SERVER_URL"] && process.env["GITHUB_REPOSITORY"]
    ? `${process.env["GITHUB_SERVER_URL"]}/${process.env["GITHUB_REPOSITORY"]}`
    : undefined;

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
   * links. Set REPOSITORY_URL; on GitHub Actions it is derived automatically.
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
