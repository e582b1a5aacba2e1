import type { WorkItemKind } from '@polku/contracts';

/** The three languages of a digest: it is not known which one the worker reads. */
export const DIGEST_LANGUAGES = ['fi', 'sv', 'en'] as const;

/** One of {@link DIGEST_LANGUAGES}. */
export type DigestLanguage = (typeof DIGEST_LANGUAGES)[number];

type Localised = Readonly<Record<DigestLanguage, string>>;

/** The name of each kind of item in each language; a kind added later reads as "other". */
export const KIND_NAMES: Readonly<Record<WorkItemKind | 'OTHER', Localised>> = {
  PATH_STEP: { fi: 'Polun seuraava askel', sv: 'Nästa steg på vägen', en: 'Next step of a path' },
  REFERRAL_ANSWER: {
    fi: 'Vastausta odottava lähete',
    sv: 'Remiss som väntar på svar',
    en: 'Referral awaiting an answer',
  },
  HANDOFF_ANSWER: {
    fi: 'Vastausta odottava siirto',
    sv: 'Överlämning som väntar på svar',
    en: 'Hand-off awaiting an answer',
  },
  FOLLOW_UP: { fi: 'Seuranta', sv: 'Uppföljning', en: 'Follow-up' },
  AGREED_STEP: { fi: 'Sovittu jatkotoimi', sv: 'Överenskommet steg', en: 'Agreed next step' },
  PLAN_REVIEW: { fi: 'Suunnitelman tarkistus', sv: 'Granskning av plan', en: 'Plan review' },
  STATEMENT: { fi: 'Pyydetty lausunto', sv: 'Begärt utlåtande', en: 'Requested statement' },
  MEASURE_ENDING: { fi: 'Päättyvä palvelu', sv: 'Åtgärd som slutar', en: 'Measure ending' },
  WAIT_EXCEEDED: { fi: 'Pitkittynyt odotus', sv: 'Utdragen väntan', en: 'Wait exceeded' },
  ESCALATION: { fi: 'Eskalaatio', sv: 'Eskalering', en: 'Escalation' },
  OTHER: { fi: 'Muu', sv: 'Annat', en: 'Other' },
};

/** The sentences around the counts, in each language. */
export const DIGEST_TEXTS: Readonly<
  Record<
    DigestLanguage,
    {
      readonly heading: string;
      readonly newItems: (count: number) => string;
      readonly openItems: (open: number, overdue: number, unread: number) => string;
      readonly perKind: (open: number, overdue: number, unread: number) => string;
      readonly open: string;
      readonly noClientData: string;
    }
  >
> = {
  fi: {
    heading: 'Polku – työjono',
    newItems: (n) => (n === 1 ? '1 uusi tehtävä' : `${n} uutta tehtävää`),
    openItems: (open, overdue, unread) =>
      `Työjonossasi on ${open} avointa tehtävää: ${overdue} myöhässä, ${unread} lukematta.`,
    perKind: (open, overdue, unread) => `${open} avointa, ${overdue} myöhässä, ${unread} lukematta`,
    open: 'Avaa työjono',
    noClientData: 'Viestissä ei ole asiakastietoja: näet tehtävät kirjautumalla Polkuun.',
  },
  sv: {
    heading: 'Polku – arbetskö',
    newItems: (n) => (n === 1 ? '1 ny uppgift' : `${n} nya uppgifter`),
    openItems: (open, overdue, unread) =>
      `Din arbetskö har ${open} öppna uppgifter: ${overdue} försenade, ${unread} olästa.`,
    perKind: (open, overdue, unread) => `${open} öppna, ${overdue} försenade, ${unread} olästa`,
    open: 'Öppna arbetskön',
    noClientData: 'Meddelandet innehåller inga klientuppgifter: logga in i Polku för att se dem.',
  },
  en: {
    heading: 'Polku – work queue',
    newItems: (n) => (n === 1 ? '1 new item' : `${n} new items`),
    openItems: (open, overdue, unread) =>
      `Your work queue has ${open} open items: ${overdue} overdue, ${unread} unread.`,
    perKind: (open, overdue, unread) => `${open} open, ${overdue} overdue, ${unread} unread`,
    open: 'Open the work queue',
    noClientData: 'This message carries no client data: sign in to Polku to see the items.',
  },
};
