import type { IsoDate } from '@polku/timers';
import { isLargerMunicipality } from '../people/municipalities';
import { newPerson, type Person } from '../people/person';
import { PERSONAS } from '../personas/catalogue';
import type { Persona } from '../personas/persona';
import { SeededRandom } from '../random/seeded-random';
import { StoryBuilder } from './story-builder';
import type { OrgKey, Step, Story } from './steps';

/** One synthetic client: who, which persona, and the story of their path(s). */
export interface DemoClient {
  readonly index: number;
  readonly person: Person;
  readonly persona: Persona;
  readonly story: Story;
}

/**
 * The organisations the client consents to for each referral: every organisation that acts on
 * that path or is asked to take the client on, except the referrer, which sees the path by its
 * own law (a consent never names the organisation that records it unless it owns the path).
 */
function withConsents(steps: readonly Step[]): Step[] {
  const segments: Step[][] = [];
  for (const step of steps) {
    if (step.kind === 'refer' && (step.newPath || segments.length === 0)) {
      segments.push([]);
    }
    segments[segments.length - 1].push(step);
  }
  return segments.flatMap((segment) => {
    const orgs = new Set<OrgKey>();
    for (const step of segment) {
      orgs.add(step.org);
      if (step.kind === 'refer' || step.kind === 'proposeHandoff') {
        orgs.add(step.toOrg);
      }
    }
    return segment.map((step) => {
      if (step.kind !== 'refer') {
        return step;
      }
      return { ...step, consentOrgs: [...orgs].filter((org) => org !== step.org).sort() };
    });
  });
}

/** Client number `index` of a run with `seed`, first referred on `referralDate`. */
export function demoClient(seed: number, index: number, referralDate: IsoDate): DemoClient {
  const random = SeededRandom.forClient(seed, index);
  const persona = random.weighted(
    PERSONAS.map((candidate) => [candidate, candidate.weight] as const),
  );
  const person = newPerson(random, {
    referralDate,
    ageRange: persona.ageRange,
    immigrant: persona.immigrant,
    man: persona.man,
  });
  const larger = isLargerMunicipality(person.municipality);
  const exitTo = random.weighted(
    larger ? persona.destinations.larger : persona.destinations.smaller,
  );
  const builder = new StoryBuilder(random);
  persona.write(builder, { person, larger, exitTo });
  return {
    index,
    person,
    persona,
    story: { persona: persona.key, steps: withConsents(builder.steps) },
  };
}
