import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SITE, readStory } from "@/site.config";
import { makeTempDir } from "../../scripts/lib/temp-site.ts";

/** A project whose content/story/story.yaml is `write`'s doing. */
function projectWithStory(write: (file: string) => void): string {
  const root = makeTempDir("site-config");
  mkdirSync(join(root, "content", "story"), { recursive: true });
  write(join(root, "content", "story", "story.yaml"));
  return root;
}

const UNREADABLE =
  "content/story/story.yaml could not be read as the story; run npm run check:content, which says what to fix";

describe("the site's story", () => {
  test("is this site's story, read from content/story/story.yaml", () => {
    expect(SITE.story.publisher).toBe("Engadget");
    expect(SITE.story.date).toBe("2017-11-30");
  });

  // Read when the config loads, a broken story stopped the build before the
  // content check could speak, and the parser quoted the file in its error.
  test.each([
    ["is not valid YAML", (file: string) => writeFileSync(file, "title: SECRET=1\n bad: [")],
    [
      "is a link to a file outside the repository",
      (file: string) => {
        const secret = `${file}.secret`;
        writeFileSync(secret, "SECRET=1\n");
        symlinkSync(secret, file);
      },
    ],
  ])("that %s is refused in a message quoting none of it", (_, write) => {
    const root = projectWithStory(write);
    expect(() => readStory(root)).toThrow(UNREADABLE);
    try {
      readStory(root);
    } catch (error) {
      expect(String(error)).not.toContain("SECRET");
    }
  });
});
