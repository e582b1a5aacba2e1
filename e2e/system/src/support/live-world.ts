import { DEMO_ORGANISATIONS } from '@polku/demo';
import type { ApiCall } from './gateway-client';
import { pathSeeder } from './seed-paths';
import { openSseStream, type ReceivedSseEvent, type SseStream } from './sse-client';

const org = DEMO_ORGANISATIONS;

/** The entries of a stream (not resets, ends or heartbeats). */
export const entries = (events: readonly ReceivedSseEvent[]) =>
  events.filter((event) => event.event === 'entry');

/** The entries of one event type. */
export const ofType = (events: readonly ReceivedSseEvent[], eventType: string) =>
  entries(events).filter((event) => event.data.eventType === eventType);

/** Live streams through the gateway and paths whose goal progress makes new entries at will. */
export function liveWorld(options: {
  readonly api: ApiCall;
  readonly tokenOf: (username: string) => Promise<string>;
  readonly baseUrl: () => string;
  readonly clientFamilyName: string;
}) {
  const { api, tokenOf } = options;
  const seeder = pathSeeder(api, options.clientFamilyName);
  const { plannablePath, agreePlan, whenStatus } = seeder;
  const streams: SseStream[] = [];

  /** Opens a stream as `as`, resuming after `lastEventId` when given. */
  async function live(path: string, as: string, lastEventId?: string): Promise<SseStream> {
    const stream = await openSseStream(`${options.baseUrl()}/api/v1${path}`, {
      authorization: `Bearer ${await tokenOf(as)}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    });
    streams.push(stream);
    return stream;
  }

  /** Closes every stream opened so far (after each test). */
  function closeAll(): void {
    streams.splice(0).forEach((stream) => stream.close());
  }

  /** A path with an agreed plan of one goal: progress on it is an event both parties see. */
  async function pathWithGoal(): Promise<{ pathId: string; goalId: string }> {
    const pathId = await plannablePath();
    const agreed = await agreePlan(pathId, 'tiina.tyollisyys', {
      parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
      clientAgreed: true,
      linkedPlans: [],
      goals: [
        {
          text: 'Käyn työtoiminnassa kolmena päivänä viikossa.',
          gasScale: {
            levelMinus2: 'En käy lainkaan.',
            levelMinus1: 'Käyn kerran viikossa.',
            level0: 'Käyn kolmena päivänä viikossa.',
            levelPlus1: 'Käyn neljänä päivänä viikossa.',
            levelPlus2: 'Käyn joka arkipäivä.',
          },
        },
      ],
    });
    expect(agreed.status).toBe(201);
    const plan = await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);
    const goalId = (plan.body as { goals: { goalId: string }[] }).goals[0]?.goalId;
    if (goalId === undefined) {
      throw new Error('the plan has no goal');
    }
    return { pathId, goalId };
  }

  async function recordProgress(pathId: string, goalId: string, gasLevel: number): Promise<void> {
    const answer = await api(
      'POST',
      `/paths/${pathId}/activation-plan/goals/${goalId}/progress`,
      'ville.tyonsilta',
      { gasLevel, assessedBy: 'CLIENT_WITH_WORKER' },
    );
    expect(answer.status).toBe(201);
  }

  return { ...seeder, live, closeAll, pathWithGoal, recordProgress };
}
