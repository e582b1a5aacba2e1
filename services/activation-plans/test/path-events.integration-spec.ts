import { CLIENT_REFERRED_V1, PLAN_COMMANDS } from '@polku/contracts';
import { newOutboxEvent, publishEventAsOwner, waitFor } from '@polku/testing';
import { caseworkerOf } from './support/seeded-path';
import { startPlansService, type PlansService } from './support/plans-service';

describe('path access from client-intake’s events', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  it('should learn a path and its client reference from ClientReferred delivered over JetStream', async () => {
    const referred = newOutboxEvent(CLIENT_REFERRED_V1.subject);
    const referrer = caseworkerOf(referred.data.fromOrgId, 'EMPLOYMENT_AUTHORITY');
    expect(
      await service.askError(PLAN_COMMANDS.listStatements, referrer, {
        pathId: referred.pathId,
        limit: 100,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    // Published by client-intake's NATS user, as client-intake publishes it.
    await publishEventAsOwner(service.config, CLIENT_REFERRED_V1.subject, referred);

    const [row] = await waitFor(
      async () => {
        const rows = await service.dataSource.query<{ client_ref: string }[]>(
          'SELECT client_ref FROM path_client_ref WHERE path_id = $1',
          [referred.pathId],
        );
        return rows.length > 0 ? rows : undefined;
      },
      { description: 'the path’s client reference' },
    );
    expect(row.client_ref).toBe(referred.clientRef);
    expect(
      await service.ask(PLAN_COMMANDS.listStatements, referrer, {
        pathId: referred.pathId,
        limit: 100,
      }),
    ).toEqual({ items: [], nextCursor: null });
  });
});
