import { DATA_CLASSES, type DataClass } from '../event-envelope';

/**
 * What a consent lets the named organisations use the client's data for (docs/domain.md §9.3: a
 * consent record names its purpose):
 * - CLIENT_WORK: day-to-day client work on the path and its shared timeline;
 * - REFERRAL: a referral and its prior information for the receiving worker;
 * - NETWORK_MEETING: a multiprofessional network meeting (docs/domain.md §6);
 * - HANDOFF: a transition to the next measure or service and its hand-off (docs/domain.md §10.2 S4);
 * - FOLLOW_UP: follow-up after the client has left a measure;
 * - EXPERT_PARTICIPATION: an experiential expert takes part in the client's work, which needs the
 *   client's recorded consent (docs/domain.md §8).
 */
export const CONSENT_PURPOSES = [
  'CLIENT_WORK',
  'REFERRAL',
  'NETWORK_MEETING',
  'HANDOFF',
  'FOLLOW_UP',
  'EXPERT_PARTICIPATION',
] as const;

/** One of {@link CONSENT_PURPOSES}. */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * How the client gave a consent: signed on paper, said aloud and recorded by the worker, or given
 * electronically (e.g. strong identification in a self-service).
 */
export const CONSENT_METHODS = ['WRITTEN', 'ORAL_RECORDED_BY_WORKER', 'ELECTRONIC'] as const;

/** One of {@link CONSENT_METHODS}. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The data classes a consent can name: every client-level class, never AGGREGATE. */
export const CONSENTABLE_DATA_CLASSES = DATA_CLASSES.filter(
  (dataClass): dataClass is Exclude<DataClass, 'AGGREGATE'> => dataClass !== 'AGGREGATE',
);

/** One of {@link CONSENTABLE_DATA_CLASSES}. */
export type ConsentableDataClass = (typeof CONSENTABLE_DATA_CLASSES)[number];
