import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import type { FixtureWorld, OperationFixture } from './openapi-operation-fixtures';

const org = DEMO_ORGANISATIONS;

/**
 * A referral to Työnsilta waiting for its answer, once it is in Ville's work queue: answers the
 * item's id (the receiving organisation's caseworkers all see it, docs/work-queue.md).
 */
async function referralAnswerItem(w: FixtureWorld): Promise<string> {
  const { referralId } = await w.pendingReferral({ toOrgId: org.tyonsilta.id });
  return waitFor(
    async () => {
      const queue = await w.api(
        'GET',
        '/work-queue?kind=REFERRAL_ANSWER&limit=100',
        'ville.tyonsilta',
      );
      const items = (queue.status === 200 ? queue.body.items : []) as {
        itemId: string;
        subjectId?: string;
      }[];
      return items.find((item) => item.subjectId === referralId)?.itemId;
    },
    { timeoutMs: 20_000, description: `the referral ${referralId} in Työnsilta’s work queue` },
  );
}

/** Operations of work-queue: the work queue, the caseload and notification settings. */
export function workQueueOperations(): Record<string, OperationFixture> {
  return {
    'GET /api/v1/work-queue': { as: 'ville.tyonsilta' },
    'POST /api/v1/work-queue/read': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ references: { 'itemIds.0': await referralAnswerItem(w) } }),
    },
    'GET /api/v1/caseload': { as: 'ville.tyonsilta' },
    'GET /api/v1/caseload/{pathId}': {
      as: 'ville.tyonsilta',
      prepare: async (w) => {
        const pathId = await w.inIntake();
        await w.whenStatus(`/caseload/${pathId}`, 'ville.tyonsilta', 200);
        return { params: { pathId } };
      },
    },
    'GET /api/v1/me/notification-settings': { as: 'ville.tyonsilta' },
    'PUT /api/v1/me/notification-settings': { as: 'ville.tyonsilta' },
  };
}
