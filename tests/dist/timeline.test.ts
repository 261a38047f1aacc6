import { expect, test } from "vitest";
import { BASE, builtPages } from "./site";

const timeline = builtPages().find((page) => page.url === `${BASE}timeline/`);
if (!timeline) throw new Error(`dist has no ${BASE}timeline/ page`);
const { $ } = timeline;

test("the timeline holds the story itself, on 30 November 2017, with its source", () => {
  const story = $("li")
    .filter((_, item) => $(item).find('time[datetime="2017-11-30"]').length > 0)
    .first();
  expect(story.find("h3").text()).toContain("Homeland Security claims DJI drones are spying");
  expect(
    story.find(`a[href="${BASE}sources/#source-mitechnews-2017-engadget-republished"]`),
  ).toHaveLength(1);
  expect(story.find(`a[href="${BASE}story/"]`)).toHaveLength(1);
});

test("the timeline's events sit under a heading for their year, in order", () => {
  const years = $("main h2")
    .map((_, heading) => $(heading).text().trim())
    .get();
  expect(years.length).toBeGreaterThan(5);
  expect(years).toEqual([...years].sort());
  for (const heading of $("main h2").toArray()) {
    const year = $(heading).text().trim();
    const dates = $(heading)
      .closest("section")
      .find("li time")
      .map((_, time) => $(time).attr("datetime") ?? "")
      .get();
    expect(dates.length, year).toBeGreaterThan(0);
    for (const date of dates) expect(date.slice(0, 4), `${date} under ${year}`).toBe(year);
  }
});

test("the timeline says how recent it is", () => {
  const marker = $("#as-of");
  expect(marker.text()).toMatch(/^As of \d{1,2} [A-Z][a-z]+ \d{4}: the evidence was last searched/);
  expect(marker.find("time").attr("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
