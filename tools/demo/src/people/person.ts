import type { ClientLanguage } from '@polku/contracts';
import { addCalendarDays, type IsoDate } from '@polku/timers';
import type { SeededRandom } from '../random/seeded-random';
import { ARTIFICIAL_INDIVIDUAL_NUMBERS, artificialIdentityCode } from './identity-code';
import { MUNICIPALITY_WEIGHTS, type MunicipalityCode } from './municipalities';
import { FINNISH_NAMES, IMMIGRANT_NAMES, SWEDISH_NAMES, type NameList } from './names';

/** Swedish speakers are about 5 % of the demo's clients (the brief of the demo). */
export const SWEDISH_SPEAKING_SHARE = 0.05;

/** A synthetic client: who the referral names, and where they live. */
export interface Person {
  readonly givenNames: string;
  readonly familyName: string;
  readonly language: ClientLanguage;
  readonly birthDate: IsoDate;
  readonly personalIdentityCode: string;
  readonly municipality: MunicipalityCode;
}

export interface PersonOptions {
  /** The day of the first referral: the age range holds on it. */
  readonly referralDate: IsoDate;
  /** Age on the referral day, both ends included. */
  readonly ageRange: readonly [number, number];
  /** The persona's clients speak another language than Finnish or Swedish. */
  readonly immigrant?: boolean;
  /** The persona is a man (else a woman 45 % of the time). */
  readonly man?: boolean;
}

/** The whole years from `birthDate` to `on`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The same day `years` years before `on` (28 February for a 29 February in another year). */
function yearsBefore(on: IsoDate, years: number): IsoDate {
  const monthDay = on.slice(5) === '02-29' ? '02-28' : on.slice(5);
  return `${Number(on.slice(0, 4)) - years}-${monthDay}`;
}

function birthDateFor(
  random: SeededRandom,
  on: IsoDate,
  [youngest, oldest]: readonly [number, number],
): IsoDate {
  // From the day after the (oldest + 1)th birthday to the youngest birthday, both before `on`.
  const latest = yearsBefore(on, youngest);
  const earliest = addCalendarDays(yearsBefore(on, oldest + 1), 1);
  const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / 86_400_000);
  return addCalendarDays(earliest, random.int(0, span));
}

export function newPerson(random: SeededRandom, options: PersonOptions): Person {
  const language: ClientLanguage = options.immigrant
    ? 'other'
    : random.chance(SWEDISH_SPEAKING_SHARE)
      ? 'sv'
      : 'fi';
  const names: NameList =
    language === 'other' ? IMMIGRANT_NAMES : language === 'sv' ? SWEDISH_NAMES : FINNISH_NAMES;
  const woman = !options.man && random.chance(0.45);
  const birthDate = birthDateFor(random, options.referralDate, options.ageRange);
  const { first, last } = ARTIFICIAL_INDIVIDUAL_NUMBERS;
  // An even individual number is a woman's, an odd one a man's.
  const individual = first + 2 * random.int(0, (last - first - 1) / 2) + (woman ? 0 : 1);
  return {
    givenNames: random.pick(woman ? names.women : names.men),
    familyName: random.pick(names.family),
    language,
    birthDate,
    personalIdentityCode: artificialIdentityCode(birthDate, individual),
    municipality: random.weighted(MUNICIPALITY_WEIGHTS),
  };
}
