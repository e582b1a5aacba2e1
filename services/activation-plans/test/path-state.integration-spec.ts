import { randomUUID } from 'node:crypto';
import {
  ACTIVATION_PLAN_AGREED_V1,
  CLIENT_EXITED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_STARTED_V1,
  PATH_CLOSED_V1,
  PLAN_COMMANDS,
  type EventSubject,
} from '@polku/contracts';
import { newOutboxEvent, publishEventAsOwner, waitFor } from '@polku/testing';
import { agreePlanBody, daysFromToday, startMeasureBody } from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { seedPath, type SeededPath } from './support/seeded-path';

// docs/path-rules.md, section activation-plans: every command the path's state forbids is
// refused up front with the state, and writes nothing; the facts of the path's stage arrive as
// other services' events over JetStream, in any order.

const UNCLEAR = { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' };
const WORK = { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' };

describe('what the path’s state allows in activation-plans', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  /**
   * Publishes another service's event about the path as its owner, and waits until this
   * service's consumer has processed it.
   */
  async function feed<S extends EventSubject>(
    subject: S,
    path: SeededPath,
    options: { data?: Record<string, unknown>; occurredAt?: Date; pathId?: string } = {},
  ): Promise<void> {
    const event = {
      ...newOutboxEvent(subject, { data: options.data as never }),
      pathId: options.pathId ?? path.pathId,
      clientRef: path.clientRef,
      ...(options.occurredAt === undefined ? {} : { occurredAt: options.occurredAt }),
    };
    const id = await publishEventAsOwner(service.config, subject, event);
    await waitFor(
      async () =>
        (
          await service.dataSource.query<unknown[]>(
            'SELECT 1 FROM inbox_message WHERE message_id = $1',
            [id],
          )
        ).length > 0,
      { description: `${subject} ${id} processed` },
    );
  }

  async function pathWithPlan(): Promise<SeededPath> {
    const path = await seedPath(service.dataSource);
    await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path),
    });
    return path;
  }

  const agree = (path: SeededPath) =>
    service.askError(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path),
    });

  const start = (path: SeededPath) =>
    service.ask<{ measureId: string; version: number }>(PLAN_COMMANDS.startMeasure, path.provider, {
      pathId: path.pathId,
      body: startMeasureBody(),
    });

  const refusedStart = (path: SeededPath) =>
    service.askError(PLAN_COMMANDS.startMeasure, path.provider, {
      pathId: path.pathId,
      body: startMeasureBody(),
    });

  const revise = (path: SeededPath, expectedVersion: number, reviewInDays: number) =>
    service.ask(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
      pathId: path.pathId,
      expectedVersion,
      body: {
        ...agreePlanBody(path),
        reviewDate: daysFromToday(reviewInDays),
        reasonCategory: 'TRANSITION',
      },
    });

  const conflict = (pathState: string) => ({ code: 'CONFLICT', details: { pathState } });

  describe('agreeing the plan', () => {
    it('should refuse a plan while the intake is not completed, write nothing, and accept it once IntakeCompleted arrives', async () => {
      const path = await seedPath(service.dataSource, { intakeCompleted: false });

      expect(await agree(path)).toMatchObject({
        ...conflict('INTAKE'),
        message: expect.stringContaining('complete the intake first'),
      });
      const plans = await service.dataSource.query<unknown[]>(
        'SELECT 1 FROM activation_plan WHERE path_id = $1',
        [path.pathId],
      );
      expect(plans).toEqual([]);
      expect(
        await outboxEvents(service.dataSource, ACTIVATION_PLAN_AGREED_V1.subject, path.pathId),
      ).toEqual([]);

      await feed(INTAKE_COMPLETED_V1.subject, path);

      await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
        pathId: path.pathId,
        body: agreePlanBody(path),
      });
      expect(
        await outboxEvents(service.dataSource, ACTIVATION_PLAN_AGREED_V1.subject, path.pathId),
      ).toHaveLength(1);
    });

    it('should refuse a plan while a hand-off is pending, and accept it after the decline', async () => {
      const path = await seedPath(service.dataSource);
      const handoffId = randomUUID();

      await feed(HANDOFF_PROPOSED_V1.subject, path, { data: { handoffId } });
      expect(await agree(path)).toMatchObject(conflict('TRANSITION_PENDING'));

      await feed(HANDOFF_DECLINED_V1.subject, path, { data: { handoffId } });
      expect(
        await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
          pathId: path.pathId,
          body: agreePlanBody(path),
        }),
      ).toMatchObject({ version: 1 });
    });

    it('should refuse a plan after an exit to an unclear path, naming UNCLEAR_PATH', async () => {
      const path = await seedPath(service.dataSource);

      await feed(CLIENT_EXITED_V1.subject, path, { data: { destination: UNCLEAR } });

      expect(await agree(path)).toMatchObject(conflict('UNCLEAR_PATH'));
    });
  });

  describe('starting a measure', () => {
    it('should refuse a second measure while one runs or is paused, and the next one until the plan is revised after the end', async () => {
      const path = await pathWithPlan();
      const first = await start(path);

      expect(await refusedStart(path)).toMatchObject({
        ...conflict('IN_MEASURE'),
        message: expect.stringContaining('end it before you start the next one'),
      });

      await service.ask(PLAN_COMMANDS.pauseMeasure, path.provider, {
        pathId: path.pathId,
        id: first.measureId,
        expectedVersion: 1,
        body: { reasonCategory: 'SICK_LEAVE' },
      });
      expect(await refusedStart(path)).toMatchObject(conflict('PAUSED'));

      await service.ask(PLAN_COMMANDS.endMeasure, path.provider, {
        pathId: path.pathId,
        id: first.measureId,
        expectedVersion: 2,
        body: { endDate: '2027-05-31', endReason: 'COMPLETED' },
      });
      expect(await refusedStart(path)).toMatchObject({
        ...conflict('TRANSITION_PENDING'),
        message: expect.stringContaining('revise the activation plan'),
      });

      await revise(path, 1, 120);
      await start(path);
      expect(
        await outboxEvents(service.dataSource, MEASURE_STARTED_V1.subject, path.pathId),
      ).toHaveLength(2);
    });

    it('should start exactly one of three measures started at once on one path', async () => {
      const path = await pathWithPlan();

      const outcomes = await Promise.allSettled([start(path), start(path), start(path)]);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(
        await outboxEvents(service.dataSource, MEASURE_STARTED_V1.subject, path.pathId),
      ).toHaveLength(1);
      expect(await refusedStart(path)).toMatchObject(conflict('IN_MEASURE'));
    });

    it('should refuse a measure while a hand-off is pending and after the exit', async () => {
      const path = await pathWithPlan();
      const handoffId = randomUUID();

      await feed(HANDOFF_PROPOSED_V1.subject, path, { data: { handoffId } });
      expect(await refusedStart(path)).toMatchObject(conflict('TRANSITION_PENDING'));

      await feed(HANDOFF_DECLINED_V1.subject, path, { data: { handoffId } });
      await feed(CLIENT_EXITED_V1.subject, path, { data: { destination: WORK } });
      expect(await refusedStart(path)).toMatchObject(conflict('FOLLOW_UP'));
      expect(
        await outboxEvents(service.dataSource, MEASURE_STARTED_V1.subject, path.pathId),
      ).toEqual([]);
    });
  });

  describe('changing a measure', () => {
    it('should refuse to pause a measure while a hand-off is pending, but let it end', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);

      await feed(HANDOFF_PROPOSED_V1.subject, path);
      expect(
        await service.askError(PLAN_COMMANDS.pauseMeasure, path.provider, {
          pathId: path.pathId,
          id: measure.measureId,
          expectedVersion: 1,
          body: { reasonCategory: 'SICK_LEAVE' },
        }),
      ).toMatchObject(conflict('TRANSITION_PENDING'));

      expect(
        await service.ask(PLAN_COMMANDS.endMeasure, path.provider, {
          pathId: path.pathId,
          id: measure.measureId,
          expectedVersion: 1,
          body: { endDate: '2027-05-31', endReason: 'TRANSFERRED' },
        }),
      ).toMatchObject({ status: 'ENDED' });
    });

    it('should name the measure’s state when it cannot be resumed or ended again', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const item = { pathId: path.pathId, id: measure.measureId };

      expect(
        await service.askError(PLAN_COMMANDS.resumeMeasure, path.provider, {
          ...item,
          expectedVersion: 1,
        }),
      ).toMatchObject(conflict('IN_MEASURE'));
      await service.ask(PLAN_COMMANDS.endMeasure, path.provider, {
        ...item,
        expectedVersion: 1,
        body: { endDate: '2027-05-31', endReason: 'COMPLETED' },
      });
      expect(
        await service.askError(PLAN_COMMANDS.endMeasure, path.provider, {
          ...item,
          expectedVersion: 2,
          body: { endDate: '2027-05-31', endReason: 'COMPLETED' },
        }),
      ).toMatchObject(conflict('TRANSITION_PENDING'));
    });
  });

  describe('after the exit and the closure', () => {
    it('should let the plan be revised in follow-up, and refuse it once the path is closed', async () => {
      const path = await pathWithPlan();

      await feed(CLIENT_EXITED_V1.subject, path, { data: { destination: WORK } });
      await revise(path, 1, 150);

      await feed(PATH_CLOSED_V1.subject, path, { data: { confirmedDestination: WORK } });
      expect(
        await service.askError(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
          pathId: path.pathId,
          expectedVersion: 2,
          body: {
            ...agreePlanBody(path),
            reviewDate: daysFromToday(160),
            reasonCategory: 'OTHER',
          },
        }),
      ).toMatchObject(conflict('CLOSED'));
    });

    it('should refuse statements on a path continued by a new one, naming REENTERED', async () => {
      const path = await pathWithPlan();

      await feed(CLIENT_EXITED_V1.subject, path, { data: { destination: WORK } });
      await feed(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, path, {
        pathId: randomUUID(),
        data: { previousPathId: path.pathId },
      });

      expect(
        await service.askError(PLAN_COMMANDS.requestStatement, path.employmentAuthority, {
          pathId: path.pathId,
          body: { kind: 'STATEMENT' },
        }),
      ).toMatchObject(conflict('REENTERED'));
    });
  });

  describe('events out of order', () => {
    it('should converge when a hand-off’s decline arrives before its proposal', async () => {
      const path = await pathWithPlan();
      const handoffId = randomUUID();

      await feed(HANDOFF_DECLINED_V1.subject, path, { data: { handoffId } });
      await feed(HANDOFF_PROPOSED_V1.subject, path, { data: { handoffId } });

      await start(path);
    });

    it('should converge when a completed hand-off arrives before the unclear exit it follows', async () => {
      const path = await seedPath(service.dataSource);
      const handoffId = randomUUID();
      const now = Date.now();

      await feed(HANDOFF_COMPLETED_V1.subject, path, {
        data: { handoffId },
        occurredAt: new Date(now - 1_000),
      });
      await feed(HANDOFF_PROPOSED_V1.subject, path, {
        data: { handoffId },
        occurredAt: new Date(now - 2_000),
      });
      await feed(CLIENT_EXITED_V1.subject, path, {
        data: { destination: UNCLEAR },
        occurredAt: new Date(now - 3_000),
      });

      // The receiver plans with the client in the new segment.
      expect(
        await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
          pathId: path.pathId,
          body: agreePlanBody(path),
        }),
      ).toMatchObject({ version: 1 });
    });
  });
});
