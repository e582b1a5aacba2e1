import type { IsoDate } from '@polku/timers';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';

export function fundingEndingDecision(
  caller: Caller,
  { providerOrgId, endDate }: { readonly providerOrgId: string; readonly endDate: IsoDate },
): CommandDecision {
  return { input: { type: 'fundingEnding', ...caller, providerOrgId, endDate } };
}
