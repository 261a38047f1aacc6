import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import type { Claim } from "@/lib/claims";

export interface TimelineEvent {
  readonly id: string;
  readonly data: CollectionEntry<"timeline">["data"];
  readonly source: CollectionEntry<"sources">;
  /** The published claims the event bears on (drafts are left out). */
  readonly claims: Claim[];
}

/** Every timeline event, oldest first, with its source and claims resolved. */
export async function getTimeline(published: readonly Claim[]): Promise<TimelineEvent[]> {
  const events = await getCollection("timeline");
  const byId = new Map(published.map((claim) => [claim.id, claim]));
  const resolved = await Promise.all(
    events.map(async (event) => {
      const source = await getEntry(event.data.source);
      if (!source) throw new Error(`${event.id}: unknown source ${event.data.source.id}`);
      const claims = event.data.claims.flatMap(({ id }) => byId.get(id) ?? []);
      return { id: event.id, data: event.data, source, claims };
    }),
  );
  return resolved.sort(
    (a, b) => a.data.date.getTime() - b.data.date.getTime() || a.id.localeCompare(b.id),
  );
}

/** Events grouped under the year they happened in, oldest year first. */
export function byYear(
  events: readonly TimelineEvent[],
): { year: number; events: TimelineEvent[] }[] {
  const years = new Map<number, TimelineEvent[]>();
  for (const event of events) {
    const year = event.data.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return [...years].map(([year, inYear]) => ({ year, events: inYear }));
}

/** When the evidence was last searched for any published claim: the timeline holds nothing later. */
export function evidenceAsOf(published: readonly Claim[]): Date | undefined {
  return published
    .map((claim) => claim.data.evidenceAsOf)
    .reduce<Date | undefined>(
      (latest, date) => (!latest || date > latest ? date : latest),
      undefined,
    );
}
