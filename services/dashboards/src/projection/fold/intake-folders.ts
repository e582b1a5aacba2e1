import {
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  INTAKE_COMPLETED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
} from '@polku/contracts';
import { REENTRY_MARKER_SUBJECT } from '../stored/stored-event';
import { addParties, entryOf, text, type Folder, type HistoryBuilder } from './history-builder';
import type { Referral } from './path-history';

function referralOf(history: HistoryBuilder, referralId: string | undefined): Referral {
  const id = referralId ?? '';
  return entryOf(history.referrals, id, () => ({ referralId: id }));
}

/** Referrals and their answers, intakes and returns: the start of a path. */
export const INTAKE_FOLDERS: Readonly<Record<string, Folder>> = {
  [CLIENT_REFERRED_V1.subject]: (history, { occurrence, data }) => {
    history.referral ??= occurrence;
    const referral = referralOf(history, text(data, 'referralId'));
    referral.asked ??= occurrence;
    addParties(history, data.fromOrgId, data.toOrgId);
  },
  [REFERRAL_ACCEPTED_V1.subject]: (history, { occurrence, data }) => {
    const referral = referralOf(history, text(data, 'referralId'));
    referral.answer ??= {
      ...occurrence,
      accepted: true,
      byOrgId: text(data, 'acceptedByOrgId') ?? occurrence.orgId,
    };
  },
  [REFERRAL_DECLINED_V1.subject]: (history, { occurrence, data }) => {
    const referral = referralOf(history, text(data, 'referralId'));
    referral.answer ??= {
      ...occurrence,
      accepted: false,
      byOrgId: text(data, 'declinedByOrgId') ?? occurrence.orgId,
      reasonCategory: text(data, 'reasonCategory'),
    };
  },
  // A referral linked to the path makes its referrer and receiver parties of the path.
  [REFERRAL_LINKED_V1.subject]: (history, { data }) => {
    addParties(history, data.fromOrgId, data.toOrgId);
  },
  [INTAKE_COMPLETED_V1.subject]: (history, { occurrence, data }) => {
    history.intakes.push({
      ...occurrence,
      ageBand: text(data, 'ageBand'),
      municipality: text(data, 'municipality'),
    });
  },
  [CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject]: (history, { occurrence, data }) => {
    const loopCount = data.loopCount;
    history.returns.push({
      ...occurrence,
      loopCount: typeof loopCount === 'number' ? loopCount : 1,
    });
  },
  [REENTRY_MARKER_SUBJECT]: (history, { occurrence }) => {
    history.reentries.push(occurrence);
  },
};
