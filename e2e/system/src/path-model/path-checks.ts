import { readPathAccessFacts, type PathAccessFacts } from '@polku/path-access';
import type { ApiCall } from '../support/gateway-client';
import { CASEWORKERS, orgKeyOf } from './system-driver';
import { MODEL_SERVICES, type ModelService, type ServiceDatabases } from './service-databases';

// What must hold once the system is quiet after a run (issue 16, "Tests"): each check returns
// what it found wrong, in words, so that a failed run names every disagreement at once.

/** The highest dead_letter id of each service before a run: the run's are those above. */
export type DeadLetterBaseline = Record<ModelService, number>;

export async function deadLetterBaseline(databases: ServiceDatabases): Promise<DeadLetterBaseline> {
  const baseline = {} as DeadLetterBaseline;
  for (const service of MODEL_SERVICES) {
    const [{ last }] = await databases[service].query<{ last: string }[]>(
      'SELECT coalesce(max(id), 0) AS last FROM dead_letter',
    );
    baseline[service] = Number(last);
  }
  return baseline;
}

/**
 * 1. No dead letters: an event is a fact, and a consumer records it or moves the path; an
 * action a user was told succeeded never ends as a dead letter (docs/path-rules.md).
 */
export async function deadLetterFailures(
  databases: ServiceDatabases,
  baseline: DeadLetterBaseline,
): Promise<string[]> {
  const failures: string[] = [];
  for (const service of MODEL_SERVICES) {
    const rows = await databases[service].query<
      { consumer: string; subject: string; error: string; payload: string }[]
    >('SELECT consumer, subject, error, payload FROM dead_letter WHERE id > $1 ORDER BY id', [
      baseline[service],
    ]);
    for (const row of rows) {
      const event = parseEvent(row.payload);
      failures.push(
        `dead letter in ${service}: consumer ${row.consumer}, subject ${row.subject}, ` +
          `event ${event.type ?? '?'} of path ${event.pathId ?? '?'}: ${row.error}`,
      );
    }
  }
  return failures;
}

function parseEvent(payload: string): { type?: string; pathId?: string } {
  try {
    return JSON.parse(payload) as { type?: string; pathId?: string };
  } catch {
    return {};
  }
}

/** transitions' row of a path (path_course): its columns and the PathState in `data`. */
interface CourseRow {
  state: string;
  accountable_org_id: string | null;
  worker_id: string | null;
  next_step_kind: string | null;
  next_step_due: string | null;
  data: {
    pendingReferral: { toOrgId: string } | null;
    activeMeasure: { measureId: string; paused: boolean } | null;
  };
}

const FINAL_STATES = ['CLOSED', 'REENTERED'];

/** The parties whose part lasts now, as one comparable line per party. */
function currentParties(facts: PathAccessFacts | undefined): string[] {
  const now = Date.now();
  // A set: one organisation may hold one relation on two grounds (a referral and the plan).
  const parties = (facts?.parties ?? [])
    .filter(
      (party) =>
        party.since.getTime() <= now && (party.until === null || party.until.getTime() > now),
    )
    .map((party) => `${orgKeyOf(party.orgId) ?? party.orgId}:${party.relation}`);
  return [...new Set(parties)].sort();
}

const same = (left: readonly string[], right: readonly string[]) =>
  JSON.stringify(left) === JSON.stringify(right);

/**
 * 2. Every service's view of each path agrees with transitions' state. The comparisons, each
 * between facts the two sides learn from the same events:
 * - client-intake's PENDING referrals of the path are exactly transitions' pending referral
 *   (none, or the one to the same organisation): a referral the user was told is pending is
 *   one transitions waits an answer for, and vice versa;
 * - an intake recorded in client-intake means the path has left REFERRED and INTAKE in
 *   transitions (IntakeCompleted moves it to PLANNING);
 * - activation-plans' measure that is not ENDED (ACTIVE or PAUSED) is exactly transitions'
 *   active measure, paused alike: the measure the provider runs is the one the path's timers
 *   follow;
 * - the access projections of the gateway, activation-plans and transitions (libs/path-access,
 *   fed by the same events) name the same current parties, and transitions' accountable
 *   organisation is one of them: the organisation responsible for the path takes part in it.
 * A path client-intake has LINKED into another has no course of its own to compare.
 */
export async function agreementFailures(
  databases: ServiceDatabases,
  pathIds: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const [index, pathId] of pathIds.entries()) {
    const name = `P${index} (${pathId})`;
    const [intakePath] = await databases['client-intake'].query<{ status: string }[]>(
      'SELECT status FROM client_path WHERE id = $1',
      [pathId],
    );
    if (intakePath?.status === 'LINKED') {
      continue;
    }
    const [course] = await databases.transitions.query<CourseRow[]>(
      `SELECT state, accountable_org_id, worker_id, next_step_kind, next_step_due::text, data
         FROM path_course WHERE path_id = $1`,
      [pathId],
    );
    if (course === undefined) {
      failures.push(`${name}: transitions has no course for a path client-intake made`);
      continue;
    }

    const pendingInIntake = (
      await databases['client-intake'].query<{ to_org_id: string }[]>(
        `SELECT to_org_id FROM referral WHERE path_id = $1 AND status = 'PENDING'`,
        [pathId],
      )
    )
      .map((row) => orgKeyOf(row.to_org_id) ?? row.to_org_id)
      .sort();
    const pendingInTransitions =
      course.data.pendingReferral === null
        ? []
        : [orgKeyOf(course.data.pendingReferral.toOrgId) ?? course.data.pendingReferral.toOrgId];
    if (!same(pendingInIntake, pendingInTransitions)) {
      failures.push(
        `${name}: client-intake has pending referrals to [${pendingInIntake.join(', ')}], ` +
          `transitions (${course.state}) waits for an answer from [${pendingInTransitions.join(', ')}]`,
      );
    }

    const [{ intakes }] = await databases['client-intake'].query<{ intakes: number }[]>(
      'SELECT count(*)::int AS intakes FROM intake_assessment WHERE path_id = $1',
      [pathId],
    );
    if (intakes > 0 && ['REFERRED', 'INTAKE'].includes(course.state)) {
      failures.push(
        `${name}: client-intake recorded ${intakes} intake(s), transitions still has the path in ${course.state}`,
      );
    }

    const runningInPlans = (
      await databases['activation-plans'].query<{ id: string; status: string }[]>(
        `SELECT id, status FROM measure WHERE path_id = $1 AND status <> 'ENDED' ORDER BY id`,
        [pathId],
      )
    ).map((row) => `${row.id}:${row.status === 'PAUSED' ? 'paused' : 'running'}`);
    const active = course.data.activeMeasure;
    const runningInTransitions =
      active === null ? [] : [`${active.measureId}:${active.paused ? 'paused' : 'running'}`];
    if (!same(runningInPlans, runningInTransitions)) {
      failures.push(
        `${name}: activation-plans runs measures [${runningInPlans.join(', ')}], ` +
          `transitions (${course.state}) follows [${runningInTransitions.join(', ')}]`,
      );
    }

    const gatewayParties = currentParties(await readPathAccessFacts(databases.gateway, pathId));
    for (const service of ['activation-plans', 'transitions'] as const) {
      const parties = currentParties(await readPathAccessFacts(databases[service], pathId));
      if (!same(parties, gatewayParties)) {
        failures.push(
          `${name}: the gateway's access projection has parties [${gatewayParties.join(', ')}], ` +
            `${service}'s [${parties.join(', ')}]`,
        );
      }
    }
    const accountable = orgKeyOf(course.accountable_org_id) ?? course.accountable_org_id;
    if (
      !FINAL_STATES.includes(course.state) &&
      !gatewayParties.some((party) => party.startsWith(`${accountable}:`))
    ) {
      failures.push(
        `${name}: transitions holds ${accountable} accountable (${course.state}), ` +
          `which is no party in the gateway's access projection [${gatewayParties.join(', ')}]`,
      );
    }
  }
  return failures;
}

/**
 * 3. Every open path (not CLOSED or REENTERED) has one accountable organisation, whose caseworker
 * sees it through the gateway (GET /paths/{id} → 200), one named worker and a next step with a
 * due date (docs/transitions.md, invariant 1; issue 16: the owner never loses sight of its path).
 */
export async function openPathFailures(
  databases: ServiceDatabases,
  api: ApiCall,
  pathIds: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const [index, pathId] of pathIds.entries()) {
    const name = `P${index} (${pathId})`;
    const [course] = await databases.transitions.query<CourseRow[]>(
      `SELECT state, accountable_org_id, worker_id, next_step_kind, next_step_due::text, data
         FROM path_course WHERE path_id = $1`,
      [pathId],
    );
    if (course === undefined || FINAL_STATES.includes(course.state)) {
      continue;
    }
    if (!course.worker_id) {
      failures.push(`${name}: open (${course.state}) without a named worker`);
    }
    if (!course.next_step_kind || !course.next_step_due) {
      failures.push(`${name}: open (${course.state}) without a next step and its due date`);
    }
    const accountable = orgKeyOf(course.accountable_org_id);
    if (accountable === undefined) {
      failures.push(`${name}: open (${course.state}) without a known accountable organisation`);
      continue;
    }
    const seen = await api('GET', `/paths/${pathId}`, CASEWORKERS[accountable]);
    if (seen.status !== 200) {
      failures.push(
        `${name}: the accountable organisation ${accountable} gets ${seen.status} on GET /paths/{id} (${course.state})`,
      );
    }
  }
  return failures;
}
