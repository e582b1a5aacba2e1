import { randomUUID } from 'node:crypto';
import { ACTIVATION_PLAN_AGREED_V1, PLAN_COMMANDS } from '@polku/contracts';
import { ACTIVATION_PLAN_LEGAL_BASIS } from '@polku/path-access';
import { agreePlanBody } from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { caseworkerOf, seedPath, type SeededPath } from './support/seeded-path';

interface PlanAnswer {
  parties: { orgId: string; role: string }[];
}

// A party's role decides its cover by law (docs/plans.md "Statutory roles come from the
// registry"). TEST_REGISTRY plays the organisation registry the gateway asks.
describe('statutory plan parties come from the organisation registry', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** The provider of the path agrees a plan with these parties besides itself. */
  const agreeAsProvider = (path: SeededPath, others: { orgId: string; role?: string }[]) =>
    agreePlanBody(path, {
      parties: [{ orgId: path.provider.orgId, role: 'PROVIDER' }, ...others],
    });

  it('invented statutory party: naming an organisation registered as PROVIDER as SOCIAL_SERVICES is refused', async () => {
    const path = await seedPath(service.dataSource);
    const friend = caseworkerOf(randomUUID(), 'PROVIDER');

    const error = await service.askError(PLAN_COMMANDS.agreePlan, path.provider, {
      pathId: path.pathId,
      body: agreeAsProvider(path, [{ orgId: friend.orgId, role: 'SOCIAL_SERVICES' }]),
    });

    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(
        `organisation ${friend.orgId} is registered as PROVIDER, not SOCIAL_SERVICES`,
      ) as string,
    });
    // Nothing was agreed, so the friend sees nothing.
    expect(
      await service.askError(PLAN_COMMANDS.getPlan, friend, { pathId: path.pathId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('invented statutory party: a provider claiming KELA for itself is refused', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(PLAN_COMMANDS.agreePlan, path.provider, {
      pathId: path.pathId,
      body: agreePlanBody(path, { parties: [{ orgId: path.provider.orgId, role: 'KELA' }] }),
    });

    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('is registered as PROVIDER, not KELA') as string,
    });
  });

  it('invented statutory party: a principal claiming SOCIAL_SERVICES does not make its PROVIDER organisation statutory', async () => {
    const path = await seedPath(service.dataSource);
    const friend = caseworkerOf(randomUUID(), 'PROVIDER');
    // The same organisation's worker, with a token that claims another organisation role.
    const claiming = { ...friend, orgRole: 'SOCIAL_SERVICES' as const };

    const agreed = await service.ask<PlanAnswer>(PLAN_COMMANDS.agreePlan, path.provider, {
      pathId: path.pathId,
      body: agreeAsProvider(path, [{ orgId: friend.orgId }]),
    });

    expect(agreed.parties).toContainEqual({ orgId: friend.orgId, role: 'PROVIDER' });
    // A plan party without the client's consent for it and without a statutory role: no cover.
    for (const caller of [friend, claiming]) {
      expect(
        await service.askError(PLAN_COMMANDS.getPlan, caller, { pathId: path.pathId }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    }
    const [event] = await outboxEvents(
      service.dataSource,
      ACTIVATION_PLAN_AGREED_V1.subject,
      path.pathId,
    );
    expect(event.data).toMatchObject({
      parties: expect.arrayContaining([{ orgId: friend.orgId, role: 'PROVIDER' }]) as unknown,
    });
    expect(event.legalBasis).not.toBe(ACTIVATION_PLAN_LEGAL_BASIS);
  });

  it('should give a party named without a role its registry role, and a statutory one its cover by law', async () => {
    const path = await seedPath(service.dataSource);

    const agreed = await service.ask<PlanAnswer>(PLAN_COMMANDS.agreePlan, path.provider, {
      pathId: path.pathId,
      body: agreeAsProvider(path, [{ orgId: path.socialServices.orgId }]),
    });

    expect(agreed.parties).toContainEqual({
      orgId: path.socialServices.orgId,
      role: 'SOCIAL_SERVICES',
    });
    await expect(
      service.ask(PLAN_COMMANDS.getPlan, path.socialServices, { pathId: path.pathId }),
    ).resolves.toMatchObject({ parties: agreed.parties });
  });

  it('should refuse an organisation the registry does not know', async () => {
    const path = await seedPath(service.dataSource);
    const unknown = randomUUID();

    const error = await service.askError(PLAN_COMMANDS.agreePlan, path.provider, {
      pathId: path.pathId,
      body: agreeAsProvider(path, [{ orgId: unknown, role: 'EMPLOYMENT_AUTHORITY' }]),
    });

    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(`${unknown} is not in the organisation registry`) as string,
    });
  });
});
