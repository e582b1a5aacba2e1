import { addBusinessDays, finnishDateOf } from '@polku/timers';

/**
 * When the referrer must have found another path after a decline at `declinedAt`: so many
 * Finnish business days after that day in Finland.
 */
export function findAnotherPathDueDate(options: {
  readonly declinedAt: Date;
  readonly businessDays: number;
}): string {
  return addBusinessDays(finnishDateOf(options.declinedAt), options.businessDays);
}
