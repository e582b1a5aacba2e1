import type {
  EventPayloads,
  EventSubject,
  FactEventSubject,
  TimelineEntryKind,
} from '@polku/contracts';

/** The kind and the summary of the entries of one event subject. */
export interface EntryDescription<S extends EventSubject> {
  readonly kind: TimelineEntryKind;
  /** English, from categories, dates and counts only: never an id, a name or free text. */
  readonly summary: (data: EventPayloads[S]) => string;
}

/** The descriptions of every fact subject of one context (`polku.<context>.…`). */
export type ContextDescriptions<C extends string> = {
  readonly [S in Extract<FactEventSubject, `polku.${C}.${string}`>]: EntryDescription<S>;
};

/** `LONG_TERM_UNEMPLOYMENT` → `long term unemployment`: a category in words. */
export function words(category: string): string {
  return category.toLowerCase().replace(/_/g, ' ');
}

/** A list of categories in words: `a, b and c`. */
export function wordList(categories: readonly string[]): string {
  const all = categories.map(words);
  return all.length <= 1 ? (all[0] ?? 'none') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** `2026-02-23T08:15:00.000Z` → `2026-02-23 08:15 UTC`. */
export function instant(timestamp: string): string {
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)} UTC`;
}

/** `1 goal`, `3 goals`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
