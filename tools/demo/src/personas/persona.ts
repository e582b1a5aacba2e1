import type { Person } from '../people/person';
import type { DestinationKey, DestinationTable } from '../story/destinations';
import type { StoryBuilder } from '../story/story-builder';
import type { IntakeSituation } from '../story/steps';

/** What a persona's script knows of its client when it writes the story. */
export interface PersonaClient {
  readonly person: Person;
  /** Lives in Kajaani, the larger municipality. */
  readonly larger: boolean;
  /** Where the client's (first) exit goes, drawn from the persona's table. */
  readonly exitTo: DestinationKey;
}

/** One of the ten personas of docs/dashboards.md: who, how many, and the path as a script. */
export interface Persona {
  readonly key: string;
  readonly title: string;
  /** Relative share of the clients. */
  readonly weight: number;
  /** Age on the day of the first referral. */
  readonly ageRange: readonly [number, number];
  readonly immigrant?: boolean;
  readonly man?: boolean;
  readonly destinations: DestinationTable;
  write(b: StoryBuilder, client: PersonaClient): void;
}

/** An intake where nothing stands out; each persona overrides what describes it. */
export function situation(overrides: Partial<IntakeSituation>): IntakeSituation {
  return {
    economicSituation: 'WEAK',
    healthFlag: false,
    housingSituation: 'OWN_HOME',
    relationships: 'NO_CONCERN',
    lifeManagement: 'NO_CONCERN',
    educationLevel: 'VOCATIONAL',
    educationCurrency: 'OUTDATED',
    unemploymentDurationBand: 'DAYS_500_TO_999',
    languageAndIntegrationNeeds: [],
    currentBenefits: ['LABOUR_MARKET_SUBSIDY'],
    basics: {
      housing: 'IN_ORDER',
      benefits: 'IN_ORDER',
      permits: 'NOT_APPLICABLE',
      debts: 'IN_ORDER',
      treatment: 'IN_ORDER',
    },
    issues: [],
    ...overrides,
  };
}
