import { loadConfig, TransitionsConfig } from '@polku/config';
import {
  CLIENT_EXITED_V1,
  INTAKE_COMMANDS,
  type CreateReferralResult,
  type Page,
} from '@polku/contracts';
import { addBusinessDays, finnishDateOf } from '@polku/timers';
import { newEvent, waitFor } from '@polku/testing';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// Issue 18 d: a declined referral gives the referrer a FIND_ANOTHER_PATH task; it completes
// when the referrer acts (a new referral of the client, or the path's exit) and on nothing else,
// and its due date follows the one setting transitions reads for its FIND_NEW_SERVICE step.
// Through the real service: commands over NATS, transitions' events from its own NATS user.

interface TaskItem {
  readonly taskId: string;
  readonly pathId: string;
  readonly referralId: string;
  readonly kind: string;
  readonly dueDate: string;
  readonly status: string;
}

const employment = caseworkerOf('employmentArea');
const social = caseworkerOf('socialServices');
const CODES = {
  rereferred: '010203A1230',
  exited: '050505A124J',
  untouched: '111111-111C',
  other: '120466-123Y',
} as const;

describe('the referrer’s FIND_ANOTHER_PATH task', () => {
  let intake: IntakeService;

  beforeAll(async () => {
    intake = await startIntakeService();
  });

  afterAll(async () => {
    await intake.close();
  });

  const refer = (code: string, toOrgId: string, by = employment) =>
    intake.ask<CreateReferralResult>(INTAKE_COMMANDS.createReferral, by, referralOf(code, toOrgId));
  const decline = (referral: CreateReferralResult) =>
    intake.ask(INTAKE_COMMANDS.declineReferral, caseworkerOf('tyonsilta'), {
      id: referral.referralId,
      pathId: referral.pathId,
      expectedVersion: 1,
      body: { reasonCategory: 'NO_CAPACITY' },
    });
  const tasksOf = async (by = employment) =>
    (await intake.ask<Page<TaskItem>>(INTAKE_COMMANDS.listTasks, by, { limit: 100 })).items;
  const findTaskOf = async (pathId: string) =>
    (await tasksOf()).find((task) => task.pathId === pathId && task.kind === 'FIND_ANOTHER_PATH');
  const declinedPath = async (code: string) => {
    const referral = await refer(code, ORGS.tyonsilta.id);
    await decline(referral);
    return referral;
  };

  it('should be due after the business days transitions gives the referrer to find a new service', async () => {
    const referral = await declinedPath(CODES.untouched);
    const shared = loadConfig(TransitionsConfig, {}).FIND_NEW_SERVICE_BUSINESS_DAYS;

    expect(intake.config).toMatchObject({ FIND_NEW_SERVICE_BUSINESS_DAYS: shared });
    expect(await findTaskOf(referral.pathId)).toMatchObject({
      status: 'OPEN',
      dueDate: addBusinessDays(finnishDateOf(new Date()), shared),
    });
  });

  it('should complete when the referrer refers the client again, and leave the task list', async () => {
    const declined = await declinedPath(CODES.rereferred);
    expect(await findTaskOf(declined.pathId)).toMatchObject({ status: 'OPEN' });

    const again = await refer(CODES.rereferred, ORGS.kumppaniksi.id);

    expect(again.pathId).toBe(declined.pathId);
    expect(await findTaskOf(declined.pathId)).toBeUndefined();
    const [row] = await intake.dataSource.query<{ status: string }[]>(
      `SELECT status FROM referrer_task WHERE path_id = $1 AND kind = 'FIND_ANOTHER_PATH'`,
      [declined.pathId],
    );
    expect(row).toEqual({ status: 'DONE' });
  });

  it('should complete when the path ends with an exit', async () => {
    const declined = await declinedPath(CODES.exited);
    expect(await findTaskOf(declined.pathId)).toMatchObject({ status: 'OPEN' });

    const exited = newEvent(CLIENT_EXITED_V1.subject);
    await intake.publish(CLIENT_EXITED_V1.subject, {
      data: exited.data,
      legalBasis: 'Act on Organising Employment Services 380/2023',
      pathId: declined.pathId,
      clientRef: declined.clientRef,
      emitter: {
        ...exited.emitter,
        orgId: ORGS.employmentArea.id,
        orgRole: 'EMPLOYMENT_AUTHORITY',
      },
    });

    await waitFor(
      async () => ((await findTaskOf(declined.pathId)) === undefined ? true : undefined),
      {
        description: 'the exit to complete the task',
      },
    );
  });

  it('should stay open when another organisation refers the client, or the referrer refers another client', async () => {
    const declined = await declinedPath(CODES.other);

    // The client's open path is the referrer's: social services' referral is held apart.
    const held = await refer(CODES.other, ORGS.kumppaniksi.id, social);
    const elsewhere = await refer('280880-1234', ORGS.kumppaniksi.id);

    expect(held.pathId).not.toBe(declined.pathId);
    expect(elsewhere.pathId).not.toBe(declined.pathId);
    expect(await findTaskOf(declined.pathId)).toMatchObject({ status: 'OPEN' });
    // The referrer's LINK_REFERRAL task for the held referral is a task of its own.
    expect(await tasksOf()).toContainEqual(
      expect.objectContaining({ kind: 'LINK_REFERRAL', pathId: declined.pathId }),
    );
  });
});
