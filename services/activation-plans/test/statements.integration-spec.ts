import { PLAN_COMMANDS, STATEMENT_ISSUED_V1, STATEMENT_REQUESTED_V1 } from '@polku/contracts';
import { addBusinessDays, finnishDateOf } from '@polku/timers';
import { agreePlanBody, daysFromToday, startMeasureBody } from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { seedPath } from './support/seeded-path';

interface StatementAnswer {
  statementId: string;
  kind: string;
  measureId: string | null;
  planId: string | null;
  dueDate: string;
  issuedAt: string | null;
  overdue: boolean;
  version: number;
}

describe('statements', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  it('should ask for a statement about the plan, due in ten business days, and issue it once', async () => {
    const path = await seedPath(service.dataSource);
    const { planId } = await service.ask<{ planId: string }>(
      PLAN_COMMANDS.agreePlan,
      path.employmentAuthority,
      { pathId: path.pathId, body: agreePlanBody(path) },
    );

    const requested = await service.ask<StatementAnswer>(
      PLAN_COMMANDS.requestStatement,
      path.employmentAuthority,
      { pathId: path.pathId, body: { kind: 'STATEMENT' } },
    );

    expect(requested).toMatchObject({
      kind: 'STATEMENT',
      planId,
      measureId: null,
      dueDate: addBusinessDays(finnishDateOf(new Date()), 10),
      issuedAt: null,
      overdue: false,
      version: 1,
    });
    const [event] = await outboxEvents(
      service.dataSource,
      STATEMENT_REQUESTED_V1.subject,
      path.pathId,
    );
    expect(event.data).toEqual({
      statementId: requested.statementId,
      planId,
      kind: 'STATEMENT',
      requestedByOrgId: path.employmentAuthority.orgId,
      dueDate: requested.dueDate,
    });

    const issued = await service.ask<StatementAnswer>(PLAN_COMMANDS.issueStatement, path.provider, {
      pathId: path.pathId,
      id: requested.statementId,
      expectedVersion: 1,
      body: {},
    });

    expect(issued.issuedAt).not.toBeNull();
    expect(issued.version).toBe(2);
    expect(
      await outboxEvents(service.dataSource, STATEMENT_ISSUED_V1.subject, path.pathId),
    ).toHaveLength(1);
    expect(
      await service.askError(PLAN_COMMANDS.issueStatement, path.provider, {
        pathId: path.pathId,
        id: requested.statementId,
        expectedVersion: 2,
        body: {},
      }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('should ask for a coaching summary about a measure and list an unissued one past due as overdue', async () => {
    const path = await seedPath(service.dataSource);
    await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path),
    });
    const { measureId } = await service.ask<{ measureId: string }>(
      PLAN_COMMANDS.startMeasure,
      path.provider,
      { pathId: path.pathId, body: startMeasureBody() },
    );
    const requested = await service.ask<StatementAnswer>(
      PLAN_COMMANDS.requestStatement,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        body: { kind: 'COACHING_SUMMARY', measureId, dueDate: daysFromToday(0) },
      },
    );
    expect(requested).toMatchObject({ measureId, planId: null, overdue: false });
    // A due date that has passed: set in the table, since a request may not name one.
    await service.dataSource.query(`UPDATE statement SET due_date = due_date - 1 WHERE id = $1`, [
      requested.statementId,
    ]);

    const list = await service.ask<{ items: StatementAnswer[] }>(
      PLAN_COMMANDS.listStatements,
      path.provider,
      { pathId: path.pathId, limit: 100 },
    );

    expect(list.items).toEqual([
      expect.objectContaining({
        statementId: requested.statementId,
        dueDate: daysFromToday(-1),
        overdue: true,
      }),
    ]);
  });

  it('should answer VALIDATION_FAILED for a measure of another path', async () => {
    const path = await seedPath(service.dataSource);
    await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path),
    });

    expect(
      await service.askError(PLAN_COMMANDS.requestStatement, path.employmentAuthority, {
        pathId: path.pathId,
        body: { kind: 'STATEMENT', measureId: 'f2222222-2222-4222-8222-222222222222' },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  describe('issuing at the version the caller read (If-Match)', () => {
    async function requestedStatement() {
      const path = await seedPath(service.dataSource);
      await service.ask(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
        pathId: path.pathId,
        body: agreePlanBody(path),
      });
      const requested = await service.ask<StatementAnswer>(
        PLAN_COMMANDS.requestStatement,
        path.employmentAuthority,
        { pathId: path.pathId, body: { kind: 'STATEMENT' } },
      );
      return { path, requested };
    }

    it('should answer PRECONDITION_FAILED to an issue at a stale version and leave it unissued', async () => {
      const { path, requested } = await requestedStatement();

      expect(
        await service.askError(PLAN_COMMANDS.issueStatement, path.provider, {
          pathId: path.pathId,
          id: requested.statementId,
          expectedVersion: 2,
          body: {},
        }),
      ).toMatchObject({
        code: 'PRECONDITION_FAILED',
        details: { expectedVersion: 2, currentVersion: 1 },
      });
      const list = await service.ask<{ items: StatementAnswer[] }>(
        PLAN_COMMANDS.listStatements,
        path.provider,
        { pathId: path.pathId, limit: 100 },
      );
      expect(list.items).toEqual([expect.objectContaining({ issuedAt: null, version: 1 })]);
      expect(
        await outboxEvents(service.dataSource, STATEMENT_ISSUED_V1.subject, path.pathId),
      ).toEqual([]);
    });

    it('should answer VALIDATION_FAILED to an issue without the version', async () => {
      const { path, requested } = await requestedStatement();

      expect(
        await service.askError(PLAN_COMMANDS.issueStatement, path.provider, {
          pathId: path.pathId,
          id: requested.statementId,
          body: {},
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});
