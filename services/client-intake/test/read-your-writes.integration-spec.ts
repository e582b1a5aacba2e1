import { randomUUID } from 'node:crypto';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMMANDS,
  type CreateReferralResult,
} from '@polku/contracts';
import { newEvent } from '@polku/testing';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// Read your own writes at a service (ADR 0015), through the real transport, PostgreSQL and NATS:
// a reply names the events its command committed, and a request whose signed token names
// events waits until this service's consumers have them.
const employment = caseworkerOf('employmentArea');

describe('read your own writes at client-intake', () => {
  let intake: IntakeService;

  beforeAll(async () => {
    intake = await startIntakeService();
  });

  afterAll(async () => {
    await intake.close();
  });

  /** Stalls every consumer of client-intake (their inbox inserts wait) until released. */
  async function stallConsumers(): Promise<() => Promise<void>> {
    const runner = intake.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query('LOCK TABLE inbox_message IN EXCLUSIVE MODE');
    return async () => {
      await runner.commitTransaction();
      await runner.release();
    };
  }

  it('should name the events a command committed, by id and subject only, when it succeeds', async () => {
    const reply = await intake.askConsistently<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      employment,
      referralOf('010203-1230', ORGS.tyonsilta.id, {
        consent: {
          orgIds: [ORGS.tyonsilta.id],
          dataClasses: ['PATH'],
          howGiven: 'WRITTEN',
          purpose: 'REFERRAL',
        },
      }),
    );

    expect(reply.error).toBeUndefined();
    const rows = await intake.dataSource.query<{ id: string; subject: string }[]>(
      `SELECT id, subject FROM outbox_message WHERE payload->>'pathId' = $1 ORDER BY id`,
      [reply.answer?.pathId],
    );
    expect(rows.map((row) => row.subject).sort()).toEqual(
      [CLIENT_REFERRED_V1.subject, CONSENT_GRANTED_V1.subject].sort(),
    );
    expect([...(reply.consistency.written ?? [])].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      rows,
    );
    // The token named nothing to await, so the reply says nothing about awaiting.
    expect(reply.consistency.awaited).toBeUndefined();
  });

  it('should name no event when the command is refused', async () => {
    const reply = await intake.askConsistently(
      INTAKE_COMMANDS.createReferral,
      employment,
      referralOf('not-a-code', ORGS.tyonsilta.id),
    );

    expect(reply.error?.code).toBeDefined();
    expect(reply.consistency.written).toBeUndefined();
  });

  it('should run a request only once its consumers have the awaited event when they lag', async () => {
    const referred = await intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      employment,
      referralOf('020304-2349', ORGS.tyonsilta.id),
    );
    const release = await stallConsumers();
    let released = false;
    try {
      const handoff = newEvent(HANDOFF_PROPOSED_V1.subject, {
        data: { receivingOrgId: ORGS.kumppaniksi.id },
      });
      const eventId = await intake.publish(HANDOFF_PROPOSED_V1.subject, {
        pathId: referred.pathId,
        clientRef: referred.clientRef,
        emitter: {
          ...handoff.emitter,
          orgId: ORGS.employmentArea.id,
          orgRole: 'EMPLOYMENT_AUTHORITY',
        },
        legalBasis: 'Act on Organising Employment Services 380/2023',
        data: handoff.data,
      });
      const processed = () =>
        intake.dataSource.query('SELECT 1 FROM inbox_message WHERE message_id = $1', [eventId]);

      const [reply] = await Promise.all([
        intake.askConsistently(
          INTAKE_COMMANDS.listConsents,
          employment,
          { pathId: referred.pathId, limit: 10 },
          { awaitEvents: [eventId] },
        ),
        new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
          // Still stalled: the request cannot have found the event before this.
          expect(await processed()).toEqual([]);
          released = true;
          await release();
        }),
      ]);

      expect(reply.error).toBeUndefined();
      expect(reply.consistency.awaited).toBe('seen');
    } finally {
      if (!released) {
        await release();
      }
    }
  });

  it('should run the request anyway and say so when an awaited event never arrives', async () => {
    const referred = await intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      employment,
      referralOf('030405-345K', ORGS.tyonsilta.id),
    );
    const started = performance.now();
    const reply = await intake.askConsistently(
      INTAKE_COMMANDS.listConsents,
      employment,
      { pathId: referred.pathId, limit: 10 },
      { awaitEvents: [randomUUID()] },
    );

    expect(reply.error).toBeUndefined();
    expect(reply.consistency.awaited).toBe('timed-out');
    expect(performance.now() - started).toBeGreaterThanOrEqual(
      intake.config.READ_YOUR_WRITES_WAIT_MS - 50,
    );
  });
});
