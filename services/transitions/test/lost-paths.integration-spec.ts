import { randomUUID } from 'node:crypto';
import {
  HANDOFF_ESCALATED_V1,
  NEXT_STEP_OVERDUE_V1,
  TRANSITION_COMMANDS,
  type Page,
} from '@polku/contracts';
import { waitFor } from '@polku/testing';
import type { PathView } from '../src/paths/path.view';
import { daysFromToday, PathStory, personOf } from './support/path-story';
import {
  makeDue,
  outboxEvents,
  startTransitionsService,
  type TransitionsService,
} from './support/transitions-service';

interface LostPathItem {
  readonly pathId: string;
  readonly reasons: readonly string[];
}
type LostPathsAnswer = Page<LostPathItem> & { readonly count: number };

const LEVELS = ['WORKER', 'TEAM_LEAD', 'MANAGER'] as const;

// Hole f of issue 18: the lost-paths view of team leads and managers, through the real service.
describe('the lost-paths view', () => {
  let service: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService();
  });

  afterAll(async () => {
    await service.close();
  });

  /** A referral nobody answers, climbed to the manager's rung: lost for the referrer. */
  async function unansweredReferral(story: PathStory): Promise<void> {
    await story.referred();
    await story.reaches('REFERRED');
    for (const [rung, level] of LEVELS.entries()) {
      await makeDue(service.dataSource, `next-step:${story.pathId}:${level}`);
      await waitFor(
        async () =>
          (await outboxEvents(service.dataSource, NEXT_STEP_OVERDUE_V1.subject, story.pathId))
            .length ===
          rung + 1,
        { description: `NextStepOverdue at ${level}` },
      );
    }
  }

  async function everyPage(by: ReturnType<typeof personOf>, limit: number) {
    const pages: LostPathsAnswer[] = [];
    let cursor: string | undefined;
    do {
      const page: LostPathsAnswer = await service.ask(TRANSITION_COMMANDS.listLostPaths, by, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 10);
    return pages;
  }

  it('should page an organisation’s lost paths by a keyset that neither skips nor repeats one, for its team lead and its manager', async () => {
    const referrer = personOf(randomUUID(), 'EMPLOYMENT_AUTHORITY');
    // Path ids as client-intake may send them: a UUID is a UUID in either case.
    const ids = [
      `a1${randomUUID().slice(2)}`,
      `a2${randomUUID().slice(2)}`.toUpperCase(),
      `b${randomUUID().slice(1)}`,
    ];
    for (const pathId of ids) {
      await unansweredReferral(new PathStory(service, { pathId, employmentAuthority: referrer }));
    }

    for (const role of ['TEAM_LEAD', 'MANAGER'] as const) {
      const lead = personOf(referrer.orgId, 'EMPLOYMENT_AUTHORITY', role);
      const pages = await everyPage(lead, 1);
      const seen = pages.flatMap((page) => page.items.map((item) => item.pathId.toLowerCase()));
      expect(seen).toEqual(ids.map((id) => id.toLowerCase()));
      expect(pages.map((page) => page.count)).toEqual([3, 3, 3]);
      expect(pages.at(-1)?.nextCursor).toBeNull();
    }
    // The provider the referral went to is a party of none of them, nor accountable.
    const provider = (
      await service.dataSource.query<{ to: string }[]>(
        `SELECT data->'pendingReferral'->>'toOrgId' AS to FROM path_course WHERE path_id = $1`,
        [ids[0]],
      )
    )[0].to;
    const providerManager = personOf(provider, 'PROVIDER', 'MANAGER');
    expect(await everyPage(providerManager, 100)).toEqual([
      { items: [], nextCursor: null, count: 0 },
    ]);
  });

  it('should show a hand-off escalated to the manager to the receiving organisation’s team lead and manager, not to its caseworkers', async () => {
    const story = new PathStory(service);
    await story.untilIntake();
    const proposed = await service.ask<PathView>(
      TRANSITION_COMMANDS.proposeHandoff,
      story.provider,
      {
        pathId: story.pathId,
        body: {
          destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' },
          receivingOrgId: story.receiver.orgId,
          proposedDate: daysFromToday(14),
          rationaleCategory: 'CLIENT_READY_FOR_MORE',
          proposedBy: 'WORKER',
        },
      },
    );
    const handoffId = proposed.pendingHandoff?.handoffId ?? '';
    for (const [level, written] of [
      ['WORKER', 1],
      ['TEAM_LEAD', 3],
      ['MANAGER', 5],
    ] as const) {
      await makeDue(service.dataSource, `handoff-answer:${story.pathId}:${handoffId}:${level}`);
      await waitFor(
        async () =>
          (await outboxEvents(service.dataSource, HANDOFF_ESCALATED_V1.subject, story.pathId))
            .length === written,
        { description: `HandoffEscalated to ${level}` },
      );
    }

    for (const orgId of [story.provider.orgId, story.receiver.orgId]) {
      for (const role of ['TEAM_LEAD', 'MANAGER'] as const) {
        const [page] = await everyPage(personOf(orgId, 'PROVIDER', role), 100);
        expect(page).toEqual({
          items: [
            expect.objectContaining({
              pathId: story.pathId,
              reasons: ['NEXT_STEP_OVERDUE_AT_MANAGER'],
            }),
          ],
          nextCursor: null,
          count: 1,
        });
      }
    }
    expect(
      await service.askError(TRANSITION_COMMANDS.listLostPaths, story.receiver, { limit: 10 }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const [elsewhere] = await everyPage(personOf(story.outsider.orgId, 'PROVIDER', 'MANAGER'), 10);
    expect(elsewhere).toEqual({ items: [], nextCursor: null, count: 0 });
  });
});
