import {
  ABSENCE_REPORTED_V1,
  ATTENDANCE_RECORDED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  PLAN_COMMANDS,
} from '@polku/contracts';
import { agreePlanBody, startMeasureBody } from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { seedPath, type SeededPath } from './support/seeded-path';

interface MeasureAnswer {
  measureId: string;
  planId: string;
  status: string;
  version: number;
  schedule: { daysPerWeek: number; hoursPerDay: number };
}

interface MeasureListAnswer {
  items: (MeasureAnswer & {
    pauses?: { reasonCategory: string; resumedAt: string | null }[];
    attendance?: { present: number; partial: number; absent: number };
  })[];
  withheld: string[];
}

describe('measures', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** A seeded path whose plan the employment authority agreed. */
  async function pathWithPlan(): Promise<SeededPath & { planId: string }> {
    const path = await seedPath(service.dataSource);
    const { planId } = await service.ask<{ planId: string }>(
      PLAN_COMMANDS.agreePlan,
      path.employmentAuthority,
      { pathId: path.pathId, body: agreePlanBody(path) },
    );
    return { ...path, planId };
  }

  const start = (path: SeededPath, body: unknown = startMeasureBody()) =>
    service.ask<MeasureAnswer>(PLAN_COMMANDS.startMeasure, path.provider, {
      pathId: path.pathId,
      body,
    });

  async function timerStatuses(planId: string): Promise<string[]> {
    const rows = await service.dataSource.query<{ status: string }[]>(
      `SELECT status FROM timer WHERE key LIKE $1 AND status IN ('SCHEDULED', 'SUSPENDED')`,
      [`%:${planId}:%`],
    );
    return rows.map((row) => row.status);
  }

  describe('starting a measure', () => {
    it('should start a measure of the plan and write MeasureStarted', async () => {
      const path = await pathWithPlan();

      const measure = await start(path);

      expect(measure).toMatchObject({
        planId: path.planId,
        status: 'ACTIVE',
        schedule: { daysPerWeek: 3, hoursPerDay: 4 },
      });
      const [event] = await outboxEvents(
        service.dataSource,
        MEASURE_STARTED_V1.subject,
        path.pathId,
      );
      expect(event).toMatchObject({
        emitter: { orgId: path.provider.orgId, orgRole: 'PROVIDER' },
        // PATH data: the provider sees the path on the law the referral names.
        legalBasis: path.referralLegalBasis,
        data: {
          measureId: measure.measureId,
          planId: path.planId,
          placement: { kind: 'IN_HOUSE' },
          schedule: { startDate: '2027-01-11', plannedEndDate: '2027-07-10' },
        },
      });
    });

    it.each([
      [
        'the period is shorter than 3 months',
        { plannedEndDate: '2027-04-09' },
        'KTT_PERIOD_MIN',
        'plannedEndDate',
      ],
      [
        'the period is longer than 24 months',
        { plannedEndDate: '2029-01-11' },
        'KTT_PERIOD_MAX',
        'plannedEndDate',
      ],
      ['there are 0 days a week', { daysPerWeek: 0 }, 'DAYS_PER_WEEK_RANGE', 'daysPerWeek'],
      ['there are 5 days a week', { daysPerWeek: 5 }, 'KTT_DAYS_PER_WEEK_MAX', 'daysPerWeek'],
      ['a day is 3.5 hours', { hoursPerDay: 3.5 }, 'KTT_HOURS_PER_DAY_MIN', 'hoursPerDay'],
    ])(
      'should answer RULE_VIOLATED and write nothing when %s',
      async (_case, schedule, rule, field) => {
        const path = await pathWithPlan();

        const error = await service.askError(PLAN_COMMANDS.startMeasure, path.provider, {
          pathId: path.pathId,
          body: startMeasureBody(schedule),
        });

        expect(error).toMatchObject({
          code: 'RULE_VIOLATED',
          details: { violations: [{ rule, field: `schedule.${field}` }] },
        });
        const rows = await service.dataSource.query<unknown[]>(
          'SELECT 1 FROM measure WHERE path_id = $1',
          [path.pathId],
        );
        expect(rows).toHaveLength(0);
        expect(
          await outboxEvents(service.dataSource, MEASURE_STARTED_V1.subject, path.pathId),
        ).toHaveLength(0);
      },
    );

    it('should list every broken rule at once', async () => {
      const path = await pathWithPlan();

      const error = await service.askError(PLAN_COMMANDS.startMeasure, path.provider, {
        pathId: path.pathId,
        body: startMeasureBody({ daysPerWeek: 5, hoursPerDay: 3.5 }),
      });

      const { violations } = error.details as { violations: { rule: string }[] };
      expect(violations.map((violation) => violation.rule)).toEqual([
        'KTT_DAYS_PER_WEEK_MAX',
        'KTT_HOURS_PER_DAY_MIN',
      ]);
    });

    it('should answer a PLANNING path-state conflict when the path has no plan', async () => {
      const path = await seedPath(service.dataSource);

      expect(
        await service.askError(PLAN_COMMANDS.startMeasure, path.provider, {
          pathId: path.pathId,
          body: startMeasureBody(),
        }),
      ).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('agree the plan with the client first'),
        details: { pathState: 'PLANNING' },
      });
    });

    it('should answer VALIDATION_FAILED before writing when a contract type is given for KTT', async () => {
      const path = await pathWithPlan();

      expect(
        await service.askError(PLAN_COMMANDS.startMeasure, path.provider, {
          pathId: path.pathId,
          body: { ...startMeasureBody(), contractType: 'FIXED_TERM' },
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('pausing and resuming', () => {
    it('should pause and resume a measure with MeasurePaused and MeasureResumed, and refuse a second pause', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const command = { pathId: path.pathId, id: measure.measureId };
      expect(await timerStatuses(path.planId)).toEqual(['SCHEDULED']);

      expect(measure.version).toBe(1);
      const paused = await service.ask<MeasureAnswer>(PLAN_COMMANDS.pauseMeasure, path.provider, {
        ...command,
        expectedVersion: 1,
        body: { reasonCategory: 'HEALTH_CARE_MEASURE', expectedResume: '2027-03-01' },
      });

      expect(paused).toMatchObject({ status: 'PAUSED', version: 2 });
      const [pausedEvent] = await outboxEvents(
        service.dataSource,
        MEASURE_PAUSED_V1.subject,
        path.pathId,
      );
      expect(pausedEvent).toMatchObject({
        consentRef: path.consentId,
        data: {
          measureId: measure.measureId,
          reasonCategory: 'HEALTH_CARE_MEASURE',
          expectedResume: '2027-03-01',
        },
      });
      // The path's timers stop while a measure is paused.
      expect(await timerStatuses(path.planId)).toEqual(['SUSPENDED']);
      expect(
        await service.askError(PLAN_COMMANDS.pauseMeasure, path.provider, {
          ...command,
          expectedVersion: 2,
          body: { reasonCategory: 'SICK_LEAVE' },
        }),
      ).toMatchObject({ code: 'CONFLICT' });

      const resumed = await service.ask<MeasureAnswer>(PLAN_COMMANDS.resumeMeasure, path.provider, {
        ...command,
        expectedVersion: 2,
        body: {},
      });

      expect(resumed).toMatchObject({ status: 'ACTIVE', version: 3 });
      const [resumedEvent] = await outboxEvents(
        service.dataSource,
        MEASURE_RESUMED_V1.subject,
        path.pathId,
      );
      expect(resumedEvent.data).toMatchObject({ measureId: measure.measureId });
      expect(await timerStatuses(path.planId)).toEqual(['SCHEDULED']);
      expect(
        await service.askError(PLAN_COMMANDS.resumeMeasure, path.provider, {
          ...command,
          expectedVersion: 3,
          body: {},
        }),
      ).toMatchObject({ code: 'CONFLICT' });
    });

    it('should answer NOT_FOUND to a party the client has not let see health flags', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);

      expect(
        await service.askError(PLAN_COMMANDS.pauseMeasure, path.employmentAuthority, {
          pathId: path.pathId,
          id: measure.measureId,
          expectedVersion: 1,
          body: { reasonCategory: 'SICK_LEAVE' },
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('attendance', () => {
    it('should record a day once, an absence on another day, and count both in the list', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const command = { pathId: path.pathId, id: measure.measureId };

      await service.ask(PLAN_COMMANDS.recordAttendance, path.provider, {
        ...command,
        body: { date: '2027-01-12', status: 'PRESENT' },
      });
      await service.ask(PLAN_COMMANDS.reportAbsence, path.provider, {
        ...command,
        body: { date: '2027-01-13', reasonCategory: 'SICK' },
      });

      expect(
        await service.askError(PLAN_COMMANDS.reportAbsence, path.provider, {
          ...command,
          body: { date: '2027-01-12', reasonCategory: 'UNEXCUSED' },
        }),
      ).toMatchObject({ code: 'CONFLICT' });
      expect(
        await service.askError(PLAN_COMMANDS.recordAttendance, path.provider, {
          ...command,
          body: { date: '2027-07-11', status: 'PRESENT' },
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(
        await outboxEvents(service.dataSource, ATTENDANCE_RECORDED_V1.subject, path.pathId),
      ).toHaveLength(1);
      const [absence] = await outboxEvents(
        service.dataSource,
        ABSENCE_REPORTED_V1.subject,
        path.pathId,
      );
      expect(absence.data).toEqual({
        measureId: measure.measureId,
        date: '2027-01-13',
        reasonCategory: 'SICK',
      });

      // The employment authority sees attendance by the law of the plan, but not health flags.
      const list = await service.ask<MeasureListAnswer>(
        PLAN_COMMANDS.listMeasures,
        path.employmentAuthority,
        { pathId: path.pathId, limit: 100 },
      );
      expect(list.withheld).toEqual(['pauses']);
      expect(list.items).toEqual([
        expect.objectContaining({
          measureId: measure.measureId,
          attendance: { present: 1, partial: 0, absent: 1 },
        }),
      ]);
      expect(list.items[0]).not.toHaveProperty('pauses');
    });

    it('should answer CONFLICT for attendance of a paused measure', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const command = { pathId: path.pathId, id: measure.measureId };
      await service.ask(PLAN_COMMANDS.pauseMeasure, path.provider, {
        ...command,
        expectedVersion: 1,
        body: { reasonCategory: 'WAITING' },
      });

      expect(
        await service.askError(PLAN_COMMANDS.recordAttendance, path.provider, {
          ...command,
          body: { date: '2027-01-12', status: 'PARTIAL' },
        }),
      ).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('ending', () => {
    it('should end a measure once with MeasureEnded and show its pauses to the provider', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const command = { pathId: path.pathId, id: measure.measureId };
      await service.ask(PLAN_COMMANDS.pauseMeasure, path.provider, {
        ...command,
        expectedVersion: 1,
        body: { reasonCategory: 'SICK_LEAVE' },
      });

      const ended = await service.ask<MeasureAnswer & { endDate: string }>(
        PLAN_COMMANDS.endMeasure,
        path.provider,
        {
          ...command,
          expectedVersion: 2,
          body: { endDate: '2027-05-31', endReason: 'INTERRUPTED' },
        },
      );

      expect(ended).toMatchObject({ status: 'ENDED', endDate: '2027-05-31', version: 3 });
      expect(await timerStatuses(path.planId)).toEqual(['SCHEDULED']);
      const [event] = await outboxEvents(service.dataSource, MEASURE_ENDED_V1.subject, path.pathId);
      expect(event.data).toEqual({
        measureId: measure.measureId,
        endDate: '2027-05-31',
        endReason: 'INTERRUPTED',
      });
      expect(
        await service.askError(PLAN_COMMANDS.endMeasure, path.provider, {
          ...command,
          expectedVersion: 3,
          body: { endDate: '2027-05-31', endReason: 'COMPLETED' },
        }),
      ).toMatchObject({ code: 'CONFLICT' });
      const list = await service.ask<MeasureListAnswer>(PLAN_COMMANDS.listMeasures, path.provider, {
        pathId: path.pathId,
        limit: 100,
      });
      expect(list.withheld).toEqual([]);
      expect(list.items[0].pauses).toEqual([
        expect.objectContaining({ reasonCategory: 'SICK_LEAVE', resumedAt: null }),
      ]);
    });

    it('should answer VALIDATION_FAILED when the end date is before the start date', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);

      expect(
        await service.askError(PLAN_COMMANDS.endMeasure, path.provider, {
          pathId: path.pathId,
          id: measure.measureId,
          expectedVersion: 1,
          body: { endDate: '2027-01-10', endReason: 'OTHER' },
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('the version the caller read (If-Match)', () => {
    const commands = [
      ['pause', PLAN_COMMANDS.pauseMeasure, { reasonCategory: 'SICK_LEAVE' }],
      ['end', PLAN_COMMANDS.endMeasure, { endDate: '2027-05-31', endReason: 'COMPLETED' }],
    ] as const;

    it.each(commands)(
      'should answer PRECONDITION_FAILED to a %s at a stale version and change nothing',
      async (_name, subject, body) => {
        const path = await pathWithPlan();
        const measure = await start(path);

        expect(
          await service.askError(subject, path.provider, {
            pathId: path.pathId,
            id: measure.measureId,
            expectedVersion: 2,
            body,
          }),
        ).toMatchObject({
          code: 'PRECONDITION_FAILED',
          details: { expectedVersion: 2, currentVersion: 1 },
        });
        const list = await service.ask<MeasureListAnswer>(
          PLAN_COMMANDS.listMeasures,
          path.provider,
          { pathId: path.pathId, limit: 100 },
        );
        expect(list.items).toEqual([
          expect.objectContaining({ status: 'ACTIVE', version: 1, pauses: [] }),
        ]);
        expect([
          ...(await outboxEvents(service.dataSource, MEASURE_PAUSED_V1.subject, path.pathId)),
          ...(await outboxEvents(service.dataSource, MEASURE_ENDED_V1.subject, path.pathId)),
        ]).toEqual([]);
      },
    );

    it('should answer PRECONDITION_FAILED to a resume at the version before the pause and keep it paused', async () => {
      const path = await pathWithPlan();
      const measure = await start(path);
      const command = { pathId: path.pathId, id: measure.measureId };
      await service.ask(PLAN_COMMANDS.pauseMeasure, path.provider, {
        ...command,
        expectedVersion: 1,
        body: { reasonCategory: 'WAITING' },
      });

      expect(
        await service.askError(PLAN_COMMANDS.resumeMeasure, path.provider, {
          ...command,
          expectedVersion: 1,
          body: {},
        }),
      ).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const list = await service.ask<MeasureListAnswer>(PLAN_COMMANDS.listMeasures, path.provider, {
        pathId: path.pathId,
        limit: 100,
      });
      expect(list.items).toEqual([expect.objectContaining({ status: 'PAUSED', version: 2 })]);
      expect(
        await outboxEvents(service.dataSource, MEASURE_RESUMED_V1.subject, path.pathId),
      ).toEqual([]);
    });

    it.each([
      ['pause', PLAN_COMMANDS.pauseMeasure, { reasonCategory: 'SICK_LEAVE' }],
      ['resume', PLAN_COMMANDS.resumeMeasure, {}],
      ['end', PLAN_COMMANDS.endMeasure, { endDate: '2027-05-31', endReason: 'COMPLETED' }],
    ] as const)(
      'should answer VALIDATION_FAILED to a %s without the version',
      async (_name, subject, body) => {
        const path = await pathWithPlan();
        const measure = await start(path);

        expect(
          await service.askError(subject, path.provider, {
            pathId: path.pathId,
            id: measure.measureId,
            body,
          }),
        ).toMatchObject({ code: 'VALIDATION_FAILED' });
      },
    );
  });
});
