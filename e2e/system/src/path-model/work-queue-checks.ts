import { UNASSIGNED_WORKER_ID } from '@polku/contracts';
import { DEMO_USERS } from '@polku/demo';
import { readPathAccessFacts } from '@polku/path-access';
import type { ApiCall } from '../support/gateway-client';
import type { ServiceDatabases } from './service-databases';
import { CASEWORKERS, ORG_IDS, orgKeyOf } from './system-driver';
import type { OrgKey } from './steps';

// What must hold once the system is quiet for polku's promise "no path is lost — every open path
// is on a named person's desk" (issue 18; docs/work-queue.md, docs/transitions.md): nothing waits
// parked in transitions, the work queue's card of each path says what transitions' course says,
// and each open path is exactly one PATH_STEP item, in its accountable organisation, for its named
// worker, whom the gateway shows it to and nobody outside the path.

const FINAL_STATES = ['CLOSED', 'REENTERED'];

/** The highest parked_event seq in transitions before a run: the run's parks are those above. */
export async function parkedBaseline(databases: ServiceDatabases): Promise<number> {
  const [{ last }] = await databases.transitions.query<{ last: string }[]>(
    'SELECT coalesce(max(seq), 0) AS last FROM parked_event',
  );
  return Number(last);
}

/**
 * 4. Nothing parked once quiet: an event parked for its predecessor (docs/transitions.md, events
 * from other services and their order) is applied when the predecessor arrives; one still parked
 * when nothing more is on its way waits for an event that will never come, and its path has
 * silently missed a fact.
 */
export async function parkedEventFailures(
  databases: ServiceDatabases,
  baseline: number,
  pathIds: readonly string[],
): Promise<string[]> {
  const rows = await databases.transitions.query<
    { path_id: string; event_type: string; waits_for: string | null }[]
  >('SELECT path_id, event_type, waits_for FROM parked_event WHERE seq > $1 ORDER BY seq', [
    baseline,
  ]);
  return rows.map(
    (row) =>
      `parked in transitions after quiet: ${row.event_type} of ${pathName(pathIds, row.path_id)}, ` +
      `waiting for ${row.waits_for ?? '?'}`,
  );
}

function pathName(pathIds: readonly string[], pathId: string): string {
  const index = pathIds.indexOf(pathId);
  return index < 0 ? `path ${pathId} (not the run's)` : `P${index} (${pathId})`;
}

/** transitions' path_course and work-queue's path_card, as comparable fields. */
interface Course {
  readonly version: number;
  readonly state: string;
  readonly accountable: string | null;
  /** The named worker as the queue knows it: `unassigned` is no worker. */
  readonly worker: string | null;
  readonly nextStep: string | null;
  readonly dueDate: string | null;
  readonly level: string | null;
}

const FIELDS = ['state', 'accountable', 'worker', 'nextStep', 'dueDate', 'level'] as const;

/**
 * The rung NextStepSet tells is the one a late step reached (transitions' path-summary.ts,
 * escalatedLevel), not path_course.next_step_level, which is WORKER for every new step: at
 * TEAM_LEAD or MANAGER they are the same; at WORKER the step is not late while its ladder's
 * worker-rung timer (key `…:WORKER`) is live. Without that timer it is late at WORKER, or no
 * ladder watches the step (a follow-up) and there is no rung: the card may say either.
 */
const LATE_AT_WORKER_OR_NO_LADDER = 'WORKER or none';

function sameField(field: (typeof FIELDS)[number], course: Course, card: Course): boolean {
  if (field === 'level' && course.level === LATE_AT_WORKER_OR_NO_LADDER) {
    return card.level === null || card.level === 'WORKER';
  }
  return course[field] === card[field];
}

async function courseOf(databases: ServiceDatabases, pathId: string): Promise<Course | undefined> {
  const [row] = await databases.transitions.query<Course[]>(
    `SELECT version, state, accountable_org_id::text AS accountable,
            NULLIF(worker_id, $2) AS worker, next_step_kind AS "nextStep",
            next_step_due::text AS "dueDate",
            CASE WHEN next_step_kind IS NULL THEN NULL
                 WHEN next_step_level <> 'WORKER' THEN next_step_level
                 WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(data->'timers') timer
                               WHERE timer->>'key' LIKE '%:WORKER') THEN NULL
                 ELSE $3 END AS level
       FROM path_course WHERE path_id = $1`,
    [pathId, UNASSIGNED_WORKER_ID, LATE_AT_WORKER_OR_NO_LADDER],
  );
  return row;
}

async function cardOf(databases: ServiceDatabases, pathId: string): Promise<Course | undefined> {
  const [row] = await databases['work-queue'].query<Course[]>(
    `SELECT path_version AS version, state, accountable_org_id::text AS accountable,
            worker_id AS worker, next_step AS "nextStep", due_date::text AS "dueDate", level
       FROM path_card WHERE path_id = $1`,
    [pathId],
  );
  return row;
}

/** An organisation's key when it is one of the model's, else its id; a worker as it is. */
const shown = (field: (typeof FIELDS)[number], value: string | null): string =>
  value === null ? '—' : field === 'accountable' ? (orgKeyOf(value) ?? value) : value;

/** One open PATH_STEP item as the queue's view resolves it. */
interface OpenStepItem {
  readonly org_id: string | null;
  readonly worker_id: string | null;
  readonly audience: string;
  readonly next_step: string | null;
  readonly due_date: string | null;
}

/**
 * 5. The work queue agrees with transitions about every path of the run: the card has the
 * course's state, accountable organisation, named worker, next step, due date and rung (a
 * NextStepSet is written only by a version that changes one of these, so the card's version may
 * be lower than the course's, never higher); an open path is exactly one open PATH_STEP item,
 * addressed to its accountable organisation and named worker (the whole organisation while
 * `unassigned`) with the course's step and due date; an ended path has none.
 */
export async function workQueueAgreementFailures(
  databases: ServiceDatabases,
  pathIds: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const [index, pathId] of pathIds.entries()) {
    const name = `P${index} (${pathId})`;
    const course = await courseOf(databases, pathId);
    if (course === undefined) {
      continue;
    }
    const card = await cardOf(databases, pathId);
    if (card === undefined || card.version === null) {
      failures.push(`${name}: work-queue has no card from a NextStepSet (${course.state})`);
    } else {
      const differing = FIELDS.filter((field) => !sameField(field, course, card));
      if (differing.length > 0 || card.version > course.version) {
        failures.push(
          `${name}: work-queue's card (version ${card.version}) disagrees with transitions' ` +
            `course (version ${course.version}): ` +
            (differing.length === 0 ? 'the card is newer' : '') +
            differing
              .map(
                (field) => `${field} ${shown(field, card[field])} ≠ ${shown(field, course[field])}`,
              )
              .join(', '),
        );
      }
    }

    const items = await databases['work-queue'].query<OpenStepItem[]>(
      `SELECT org_id::text, worker_id, audience, next_step, due_date::text
         FROM open_work_item WHERE path_id = $1 AND kind = 'PATH_STEP'`,
      [pathId],
    );
    if (FINAL_STATES.includes(course.state)) {
      if (items.length > 0) {
        failures.push(`${name}: ${course.state}, yet ${items.length} open PATH_STEP item(s)`);
      }
      continue;
    }
    if (items.length !== 1) {
      failures.push(
        `${name}: open (${course.state}) with ${items.length} open PATH_STEP items, not one`,
      );
      continue;
    }
    const [item] = items;
    const expected = {
      org: course.accountable,
      worker: course.worker,
      audience: course.worker === null ? 'ORGANISATION' : 'WORKER',
      step: course.nextStep,
      due: course.dueDate,
    };
    const actual = {
      org: item.org_id,
      worker: item.worker_id,
      audience: item.audience,
      step: item.next_step,
      due: item.due_date,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      failures.push(
        `${name}: the open PATH_STEP item is ${describeItem(actual)}, ` +
          `transitions (${course.state}) says ${describeItem(expected)}`,
      );
    }
  }
  return failures;
}

function describeItem(item: {
  org: string | null;
  worker: string | null;
  audience: string;
  step: string | null;
  due: string | null;
}): string {
  const org = item.org === null ? '—' : (orgKeyOf(item.org) ?? item.org);
  return `${item.step ?? '—'} due ${item.due ?? '—'} for ${item.audience} ${org}/${item.worker ?? '—'}`;
}

/** The demo user a worker id names, when it is one of the organisation's (docs/auth.md). */
function userOf(workerId: string | null, org: OrgKey): string | undefined {
  if (workerId === null) {
    return CASEWORKERS[org];
  }
  return DEMO_USERS.find((user) => user.userId === workerId && user.orgId === ORG_IDS[org])
    ?.username;
}

/**
 * 6. Through the gateway (GET /work-queue?pathId=…&kind=PATH_STEP, scope MINE): the path's named
 * worker (any caseworker of the organisation while `unassigned`) gets exactly the path's one
 * PATH_STEP item, and a caseworker of each organisation that is no party of the path gets none.
 * A path whose worker is no demo user of its organisation (a made-up id) is read by the second
 * half only: there is no token for its worker.
 */
export async function workQueueGatewayFailures(
  databases: ServiceDatabases,
  api: ApiCall,
  pathIds: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const [index, pathId] of pathIds.entries()) {
    const name = `P${index} (${pathId})`;
    const course = await courseOf(databases, pathId);
    const accountable = orgKeyOf(course?.accountable);
    if (course === undefined || FINAL_STATES.includes(course.state) || accountable === undefined) {
      continue;
    }
    const query = `/work-queue?pathId=${pathId}&kind=PATH_STEP&limit=100`;
    const worker = userOf(course.worker, accountable);
    if (worker !== undefined) {
      const answer = await api('GET', query, worker);
      const items = (answer.status === 200 ? answer.body.items : []) as {
        kind: string;
        pathId: string;
      }[];
      if (
        answer.status !== 200 ||
        items.length !== 1 ||
        items[0].kind !== 'PATH_STEP' ||
        items[0].pathId !== pathId
      ) {
        failures.push(
          `${name}: the named worker ${worker} of ${accountable} (${course.state}) gets ` +
            `${answer.status} with ${items.length} PATH_STEP item(s) from GET /work-queue, not one`,
        );
      }
    }
    for (const outsider of await nonParties(databases, pathId)) {
      const answer = await api('GET', query, CASEWORKERS[outsider]);
      const items = answer.status === 200 ? (answer.body.items as unknown[]) : [];
      if (![200, 404].includes(answer.status) || items.length > 0) {
        failures.push(
          `${name}: ${CASEWORKERS[outsider]} of ${outsider}, no party, gets ${answer.status} ` +
            `with ${items.length} PATH_STEP item(s) from GET /work-queue`,
        );
      }
    }
  }
  return failures;
}

/** The model's organisations that never took part in the path, as any service knows it. */
async function nonParties(databases: ServiceDatabases, pathId: string): Promise<OrgKey[]> {
  const facts = await readPathAccessFacts(databases.gateway, pathId);
  const queueParties = await databases['work-queue'].query<{ org_id: string }[]>(
    'SELECT org_id::text FROM path_party WHERE path_id = $1',
    [pathId],
  );
  const parties = new Set([
    ...(facts?.parties ?? []).map((party) => party.orgId),
    ...queueParties.map((party) => party.org_id),
  ]);
  return (Object.keys(ORG_IDS) as OrgKey[]).filter((org) => !parties.has(ORG_IDS[org]));
}
