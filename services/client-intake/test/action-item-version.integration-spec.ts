import { INTAKE_COMMANDS, type CreateReferralResult } from '@polku/contracts';
import { outboxEvents } from '@polku/testing';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// Resolving an action item changes an existing resource, so it needs the version the caller
// read (If-Match at the gateway, expectedVersion on the bus): docs/api.md, "Optimistic
// concurrency". Tried through the real service: commands over NATS, real PostgreSQL.
const org = ORGS;
const employment = caseworkerOf('employmentArea');
const tyonsilta = caseworkerOf('tyonsilta');
const RESOLVED = 'polku.intake.basic-need.basic-need-resolved.v1';
const CODES = { stale: '030381-2145', missing: '141178-3167', current: '220594-4289' } as const;

interface ActionItem {
  actionItemId: string;
  status: string;
  resolution: string | null;
  version: number;
}

const intakeCommand = {
  economicSituation: 'WEAK',
  healthFlag: true,
  housingSituation: 'OWN_HOME',
  relationships: 'SOME_CONCERN',
  lifeManagement: 'SOME_CONCERN',
  educationLevel: 'BASIC_OR_LESS',
  educationCurrency: 'NO_VOCATIONAL_EDUCATION',
  unemploymentDurationBand: 'DAYS_500_TO_999',
  ageBand: 'AGE_30_39',
  languageAndIntegrationNeeds: [],
  currentBenefits: ['LABOUR_MARKET_SUBSIDY'],
  basics: {
    housing: 'OPEN',
    benefits: 'IN_ORDER',
    permits: 'NOT_APPLICABLE',
    debts: 'IN_ORDER',
    treatment: 'IN_ORDER',
  },
  basicNeedIssues: [{ kind: 'HOUSING_ARREARS', ownerOrgId: org.socialServices.id }],
};

describe('action item versions', () => {
  let intake: IntakeService;

  beforeAll(async () => {
    intake = await startIntakeService();
  });

  afterAll(async () => {
    await intake.close();
  });

  /**
   * A path whose receiver may see HEALTH_FLAG and accepted the referral, with an intake and its
   * one open action item.
   */
  async function pathWithActionItem(code: string) {
    const { pathId, referralId } = await intake.ask<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      employment,
      referralOf(code, org.tyonsilta.id, {
        consent: {
          orgIds: [org.tyonsilta.id],
          dataClasses: ['PATH', 'HEALTH_FLAG'],
          howGiven: 'WRITTEN',
          purpose: 'CLIENT_WORK',
        },
      }),
    );
    await intake.ask(INTAKE_COMMANDS.acceptReferral, tyonsilta, {
      id: referralId,
      pathId,
      expectedVersion: 1,
      body: { expectedStart: '2027-01-14' },
    });
    const recorded = await intake.ask<{ actionItems: ActionItem[] }>(
      INTAKE_COMMANDS.completeIntake,
      tyonsilta,
      { pathId, body: intakeCommand },
    );
    return { pathId, actionItemId: recorded.actionItems[0].actionItemId };
  }

  const actionItemsOf = async (pathId: string) =>
    (
      await intake.ask<{ actionItems: ActionItem[] }>(INTAKE_COMMANDS.getIntake, tyonsilta, {
        pathId,
      })
    ).actionItems;

  it('should answer PRECONDITION_FAILED to a resolution at a stale version and leave the item open', async () => {
    const { pathId, actionItemId } = await pathWithActionItem(CODES.stale);
    expect(await actionItemsOf(pathId)).toEqual([
      expect.objectContaining({ actionItemId, status: 'OPEN', version: 1 }),
    ]);

    const stale = await intake.askError(INTAKE_COMMANDS.resolveBasicNeed, tyonsilta, {
      pathId,
      id: actionItemId,
      expectedVersion: 2,
      body: { resolution: 'IN_ORDER' },
    });

    expect(stale).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 2, currentVersion: 1 },
    });
    expect(await actionItemsOf(pathId)).toEqual([
      expect.objectContaining({ actionItemId, status: 'OPEN', resolution: null, version: 1 }),
    ]);
    expect(await outboxEvents(intake.dataSource, RESOLVED, pathId)).toEqual([]);
  });

  it('should answer VALIDATION_FAILED to a resolution without a version and leave the item open', async () => {
    const { pathId, actionItemId } = await pathWithActionItem(CODES.missing);

    const missing = await intake.askError(INTAKE_COMMANDS.resolveBasicNeed, tyonsilta, {
      pathId,
      id: actionItemId,
      body: { resolution: 'IN_ORDER' },
    });

    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await actionItemsOf(pathId)).toEqual([
      expect.objectContaining({ actionItemId, status: 'OPEN', version: 1 }),
    ]);
    expect(await outboxEvents(intake.dataSource, RESOLVED, pathId)).toEqual([]);
  });

  it('should resolve at the version read, answer the next version, and refuse the version before it', async () => {
    const { pathId, actionItemId } = await pathWithActionItem(CODES.current);

    const resolved = await intake.ask<ActionItem>(INTAKE_COMMANDS.resolveBasicNeed, tyonsilta, {
      pathId,
      id: actionItemId,
      expectedVersion: 1,
      body: { resolution: 'IN_ORDER' },
    });
    const again = await intake.askError(INTAKE_COMMANDS.resolveBasicNeed, tyonsilta, {
      pathId,
      id: actionItemId,
      expectedVersion: 1,
      body: { resolution: 'IN_ORDER' },
    });

    expect(resolved).toMatchObject({ actionItemId, status: 'RESOLVED', version: 2 });
    expect(again).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect(await actionItemsOf(pathId)).toEqual([
      expect.objectContaining({ actionItemId, status: 'RESOLVED', version: 2 }),
    ]);
    expect(await outboxEvents(intake.dataSource, RESOLVED, pathId)).toHaveLength(1);
  });
});
