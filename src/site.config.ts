/** Site-wide settings. Values that differ per deployment come from the environment. */

import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { contactRoutes, repositoryUrl } from "./lib/deployment.ts";
import { ID_REFERENCES, storySchema } from "./schemas/index.ts";

/**
 * The story, read the first time a page asks for it: after the content check
 * has passed it (src/integrations/content-check/), with the same parser and
 * schema. Read when the config loads, a broken or linked story.yaml would
 * stop the build before the check could say what is wrong, and the parser's
 * message would quote the file (a link to a secret, say) into a public log.
 */
export function readStory(root = process.cwd()) {
  const file = join(root, "content", "story", "story.yaml");
  try {
    if (lstatSync(file).isSymbolicLink()) throw new Error("a symbolic link");
    const { title, publisher, author, date, url } = storySchema(ID_REFERENCES).parse(
      load(readFileSync(file, "utf8")),
    );
    return { title, publisher, author, date: date.toISOString().slice(0, 10), url };
  } catch {
    throw new Error(
      "content/story/story.yaml could not be read as the story; run npm run check:content, which says what to fix",
    );
  }
}

type Story = ReturnType<typeof readStory>;
let story: Story | undefined;

const repository = repositoryUrl();

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
  repository,
  /**
   * How readers reach us: the repository's correction form and the address in
   * CONTACT_EMAIL, whichever this deployment has (a build needs one).
   */
  contact: contactRoutes(repository),
  /** The branch editors open pull requests against. */
  branch: "main",
  /** The story this site checks, from content/story/story.yaml (editors change it there). */
  get story(): Story {
    story ??= readStory();
    return story;
  },
} as const;
