import type { NotificationFrequency } from '@polku/contracts';

/** The part of a setting that decides what an immediate mail counts. */
export interface TellingChoice {
  readonly frequency: NotificationFrequency;
  readonly orgId: string;
  readonly roles: readonly string[];
}

/**
 * What a save does to the record of items told (item_notified):
 * - MARK_OPEN_TOLD: the items open in the user's queues now count as told — choosing IMMEDIATE,
 *   or a new organisation or roles while IMMEDIATE (new queues): the mail tells what arrives
 *   from then on, the queue itself shows what was already there;
 * - FORGET: not IMMEDIATE, nothing to keep;
 * - KEEP: still IMMEDIATE with the same queues (a new address, say): what waits to be told in
 *   the batch window is still told.
 */
export type ToldChange = 'MARK_OPEN_TOLD' | 'FORGET' | 'KEEP';

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((role) => set.has(role));
}

/** The change of {@link ToldChange} a save from `before` (undefined: never chose) to `after` makes. */
export function toldChangeOf(before: TellingChoice | undefined, after: TellingChoice): ToldChange {
  if (after.frequency !== 'IMMEDIATE') {
    return 'FORGET';
  }
  if (
    before === undefined ||
    before.frequency !== 'IMMEDIATE' ||
    before.orgId !== after.orgId ||
    !sameRoles(before.roles, after.roles)
  ) {
    return 'MARK_OPEN_TOLD';
  }
  return 'KEEP';
}
