import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DIST, listFiles, sourceOf } from "./site";

const vnu = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

test("every HTML page passes the W3C Nu HTML Checker with no errors", () => {
  const files = listFiles().filter((file) => file.endsWith(".html"));
  let output: string;
  try {
    // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
    execFileSync(
      "java",
      ["-jar", vnu, "--errors-only", "--format", "json", ...files.map((file) => join(DIST, file))],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    output = '{"messages":[]}';
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    if (code === "ENOENT") {
      throw new Error(
        "Java is needed for the HTML checker: sudo apt-get install default-jre-headless",
        {
          cause: error,
        },
      );
    }
    output = stderr ?? "";
  }
  const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
  const errors = messages
    .filter((message) => message.type === "error")
    .map((message) => {
      const file = decodeURIComponent(new URL(message.url).pathname).slice(DIST.length + 1);
      return `${sourceOf(file)} (${file}:${message.lastLine ?? "?"}): ${message.message} ${message.extract ? `— ${message.extract.trim()}` : ""}`;
    });
  expect(errors).toEqual([]);
}, 120_000);
