import { WORK_ITEM_KINDS, type WorkItemKind } from '@polku/contracts';
import { DIGEST_LANGUAGES, DIGEST_TEXTS, type DigestLanguage, KIND_NAMES } from './digest-texts';

/** New items of one kind since the last immediate mail. */
export interface NewItemCount {
  readonly kind: string;
  readonly count: number;
}

/** Open items of one kind for the daily digest. */
export interface OpenItemCount {
  readonly kind: string;
  readonly open: number;
  readonly overdue: number;
  readonly unread: number;
}

/** What a digest tells: numbers per kind, nothing of any item. */
export type DigestContent =
  | { readonly frequency: 'IMMEDIATE'; readonly counts: readonly NewItemCount[] }
  | { readonly frequency: 'DAILY'; readonly counts: readonly OpenItemCount[] };

/** A composed mail: a subject and a plain-text body in Finnish, Swedish and English. */
export interface DigestMail {
  readonly subject: string;
  readonly text: string;
}

type Known = WorkItemKind | 'OTHER';

const ORDER: readonly Known[] = [...WORK_ITEM_KINDS, 'OTHER'];

function knownKind(kind: string): Known {
  return (WORK_ITEM_KINDS as readonly string[]).includes(kind) ? (kind as WorkItemKind) : 'OTHER';
}

/** Sums counts per known kind (an unknown kind string is never written into the mail). */
function byKind<T extends { kind: string }>(
  counts: readonly T[],
  add: (a: T, b: T) => T,
): [Known, T][] {
  const sums = new Map<Known, T>();
  for (const count of counts) {
    const kind = knownKind(count.kind);
    const known = sums.get(kind);
    sums.set(kind, known === undefined ? count : add(known, count));
  }
  return ORDER.filter((kind) => sums.has(kind)).map((kind) => [kind, sums.get(kind) as T]);
}

function immediateSection(
  language: DigestLanguage,
  counts: readonly NewItemCount[],
  link: string,
): string[] {
  const texts = DIGEST_TEXTS[language];
  const total = counts.reduce((sum, count) => sum + count.count, 0);
  const rows = byKind(counts, (a, b) => ({ kind: a.kind, count: a.count + b.count }));
  return [
    texts.heading,
    '',
    `${texts.newItems(total)}:`,
    ...rows.map(([kind, count]) => `  ${KIND_NAMES[kind][language]}: ${count.count}`),
    '',
    `${texts.open}: ${link}`,
  ];
}

function dailySection(
  language: DigestLanguage,
  counts: readonly OpenItemCount[],
  link: string,
): string[] {
  const texts = DIGEST_TEXTS[language];
  const sum = (key: 'open' | 'overdue' | 'unread') =>
    counts.reduce((total, count) => total + count[key], 0);
  const rows = byKind(counts, (a, b) => ({
    kind: a.kind,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
    unread: a.unread + b.unread,
  }));
  return [
    texts.heading,
    '',
    texts.openItems(sum('open'), sum('overdue'), sum('unread')),
    ...rows.map(
      ([kind, count]) =>
        `  ${KIND_NAMES[kind][language]}: ${texts.perKind(count.open, count.overdue, count.unread)}`,
    ),
    '',
    `${texts.open}: ${link}`,
  ];
}

/**
 * The digest mail of the counts. It is built from numbers, kind names of this file's own tables
 * and the link only, so nothing of an item (path, client, worker, free text) can reach it.
 */
export function composeDigest(content: DigestContent, webBaseUrl: string): DigestMail {
  const link = `${webBaseUrl.replace(/\/+$/, '')}/work-queue`;
  const sections = DIGEST_LANGUAGES.map((language) =>
    content.frequency === 'IMMEDIATE'
      ? immediateSection(language, content.counts, link)
      : dailySection(language, content.counts, link),
  );
  const subject =
    content.frequency === 'IMMEDIATE'
      ? `Polku: ${DIGEST_LANGUAGES.map((language) =>
          DIGEST_TEXTS[language].newItems(content.counts.reduce((s, c) => s + c.count, 0)),
        ).join(' | ')}`
      : 'Polku: työjono tänään | arbetskön i dag | your work queue today';
  const footer = DIGEST_LANGUAGES.map((language) => DIGEST_TEXTS[language].noClientData);
  return {
    subject,
    text: [...sections.flatMap((section) => [...section, '', '---', '']), ...footer, ''].join('\n'),
  };
}
