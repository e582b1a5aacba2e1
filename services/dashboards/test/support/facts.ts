import { randomUUID } from 'node:crypto';
import type { Principal, UserRole } from '@polku/auth';
import type { DataSource } from 'typeorm';
import { replaceFacts } from '../../src/projection/dashboard-fact.repository';
import { withClientMarks } from '../../src/projection/facts/client-marks';
import type { DashboardFactRow } from '../../src/projection/facts/fact-row';

/** A dashboard_fact row as a test writes it; what is left out takes the defaults of `fact`. */
export interface Fact {
  readonly pathId: string;
  readonly factKey: string;
  readonly kind: string;
  readonly factDate: string;
  readonly orgId: string;
  readonly municipality: string;
  readonly ageBand: string;
  readonly measureType: string;
  readonly category: string;
  readonly detail: string | null;
  readonly days: number | null;
  readonly dueDate: string | null;
}

let serial = 0;

/** One fact of a path of its own, unless `pathId` says whose. */
export function fact(
  given: Pick<Fact, 'kind' | 'factDate' | 'orgId' | 'category'> & Partial<Fact>,
): Fact {
  serial += 1;
  return {
    pathId: randomUUID(),
    factKey: `${given.kind}:${serial}`,
    municipality: '205',
    ageBand: 'AGE_25_29',
    measureType: 'WORK_TRIAL',
    detail: null,
    days: null,
    dueDate: null,
    ...given,
  };
}

/** `n` copies of a fact, each on a path of its own. */
export function facts(
  n: number,
  given: Pick<Fact, 'kind' | 'factDate' | 'orgId' | 'category'> & Partial<Fact>,
): Fact[] {
  return Array.from({ length: n }, () => fact(given));
}

/** Writes facts as the projection keeps them (the test's stand-in for its events). */
export async function seedFacts(dataSource: DataSource, rows: readonly Fact[]): Promise<void> {
  const pathIds = [...new Set(rows.map((row) => row.pathId))];
  await dataSource.transaction((em) =>
    replaceFacts(em, pathIds, withClientMarks(rows as readonly DashboardFactRow[])),
  );
}

/** A person of an organisation with one role. */
export function person(orgId: string, role: UserRole): Principal {
  return {
    userId: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole: 'PROVIDER',
    roles: [role],
    issuer: 'polku-test',
  };
}
