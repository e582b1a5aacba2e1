import type { IsoDate } from '@polku/timers';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';

export function fundingEndingDecision(
  caller: Caller,
  {
    providerOrgId,
    endDate,
    fallbackOrgId = null,
  }: {
    readonly providerOrgId: string;
    readonly endDate: IsoDate;
    /** Who takes the follow-ups on the end date if nobody re-homed them; null: nobody known. */
    readonly fallbackOrgId?: string | null;
  },
): CommandDecision {
  return { input: { type: 'fundingEnding', ...caller, providerOrgId, endDate, fallbackOrgId } };
}
