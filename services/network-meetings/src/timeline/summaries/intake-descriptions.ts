import { count, instant, wordList, words, type ContextDescriptions } from './summary-words';

/** The timeline entries of client-intake's events. */
export const INTAKE_DESCRIPTIONS: ContextDescriptions<'intake'> = {
  'polku.intake.referral.client-referred.v1': {
    kind: 'REFERRAL',
    summary: (data) =>
      `The client was referred to a provider for ${words(data.requestedMeasure)} (${words(data.reasonCategory)}); desired start ${data.desiredStart}.`,
  },
  'polku.intake.referral.referral-accepted.v1': {
    kind: 'REFERRAL',
    summary: (data) => `The referral was accepted; expected start ${data.expectedStart}.`,
  },
  'polku.intake.referral.referral-declined.v1': {
    kind: 'REFERRAL',
    summary: (data) =>
      `The referral was declined (${words(data.reasonCategory)}); the referrer’s task to find another path is due ${data.returnTaskDueDate}.`,
  },
  'polku.intake.referral.referral-linked.v1': {
    kind: 'REFERRAL',
    summary: (data) =>
      `A referral held apart was joined to this path (${words(data.basis)}); its organisations became parties.`,
  },
  'polku.intake.client.client-identity-verified.v1': {
    kind: 'INTAKE',
    summary: () => 'The client’s identity was verified.',
  },
  'polku.intake.client.clients-linked.v1': {
    kind: 'INTAKE',
    summary: (data) =>
      `Two client records were linked as one person (${words(data.match)}); identity status ${words(data.identityStatus)}.`,
  },
  'polku.intake.client.clients-unlinked.v1': {
    kind: 'INTAKE',
    summary: (data) =>
      `A link between two client records was removed; identity status ${words(data.identityStatus)}.`,
  },
  'polku.intake.consent.consent-granted.v1': {
    kind: 'CONSENT',
    summary: (data) =>
      `The client consented (${words(data.purpose)}) to ${count(data.orgIds.length, 'organisation')} seeing ${wordList(data.dataClasses)} data from ${data.validFrom}${data.validTo === undefined ? '' : ` to ${data.validTo}`}.`,
  },
  'polku.intake.consent.consent-withdrawn.v1': {
    kind: 'CONSENT',
    summary: (data) => `The client withdrew a consent, effective ${instant(data.effectiveAt)}.`,
  },
  'polku.intake.referral.prior-information-shared.v1': {
    kind: 'REFERRAL',
    summary: (data) =>
      `Prior information (${wordList(data.dataClasses)}) was shared with the receiving organisation.`,
  },
  'polku.intake.path.client-returned-to-intermediate-market.v1': {
    kind: 'REFERRAL',
    summary: (data) =>
      `The client returned to the intermediate labour market ${count(data.monthsSinceExit, 'month')} after an exit (return number ${data.loopCount}).`,
  },
  'polku.intake.intake.intake-completed.v1': {
    kind: 'INTAKE',
    summary: (data) => {
      const open = Object.values(data.basics).filter((state) => state === 'OPEN').length;
      return `The intake was completed; ${count(open, 'basic need')} open.`;
    },
  },
  'polku.intake.basic-need.basic-need-issue-flagged.v1': {
    kind: 'INTAKE',
    summary: (data) =>
      `A basic-need issue was flagged (${words(data.kind)}) with an action item${data.dueDate === undefined ? '' : ` due ${data.dueDate}`}.`,
  },
  'polku.intake.basic-need.basic-need-resolved.v1': {
    kind: 'INTAKE',
    summary: (data) => `A basic-need issue was resolved (${words(data.resolution)}).`,
  },
  'polku.intake.parallel-service.parallel-service-referred.v1': {
    kind: 'REFERRAL',
    summary: (data) => `The client was referred to a parallel service (${words(data.service)}).`,
  },
};
