import {
  CLIENT_REFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  type EventPayloads,
  type EventSubject,
} from '@polku/contracts';
import { durableName, type NewEvent } from '@polku/messaging';
import { publishEventAsOwner, waitFor } from '@polku/testing';
import { PathStory } from './support/path-story';
import { startTransitionsService, type TransitionsService } from './support/transitions-service';

// Hole b of issue 18: an event that arrives before its predecessor (events of different
// subjects travel on different durable consumers) must be applied once the predecessor arrives,
// never dead-lettered while the path goes quiet (docs/transitions.md, "Events from other
// services, and their order"). Retries are few and fast here, so that an event refused as early
// would be dead-lettered within the test's deadline: nothing here waits for a time to pass.

describe('events that arrive before their predecessor', () => {
  let service: TransitionsService;
  /** The id of each event published, by subject, the last one of each. */
  const published = new Map<string, string>();
  let publishing: TransitionsService;

  beforeAll(async () => {
    service = await startTransitionsService({
      EVENT_MAX_ATTEMPTS: '2',
      EVENT_RETRY_BASE_MS: '50',
      EVENT_RETRY_MAX_MS: '100',
    });
    publishing = {
      ...service,
      async publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>) {
        published.set(subject, await publishEventAsOwner(service.config, subject, event));
      },
    };
  });

  afterAll(async () => {
    await service.close();
  });

  const idOf = (subject: string): string => {
    const id = published.get(subject);
    if (id === undefined) {
      throw new Error(`nothing published on ${subject}`);
    }
    return id;
  };

  /** Whether the event's consumer has committed it (its inbox row). */
  const consumed = async (subject: string): Promise<boolean> => {
    const rows = await service.dataSource.query<unknown[]>(
      'SELECT 1 FROM inbox_message WHERE consumer = $1 AND message_id = $2',
      [durableName('transitions', subject), idOf(subject)],
    );
    return rows.length === 1;
  };

  const deadLetterOf = async (subject: string): Promise<boolean> => {
    const rows = await service.dataSource.query<unknown[]>(
      'SELECT 1 FROM dead_letter WHERE message_id = $1',
      [idOf(subject)],
    );
    return rows.length === 1;
  };

  /** The event is settled: committed by its consumer, or given up on as a dead letter. */
  const settled = (subject: string) =>
    waitFor(async () => (await consumed(subject)) || (await deadLetterOf(subject)), {
      description: `${subject} consumed or dead-lettered`,
    });

  const stateOf = async (pathId: string): Promise<string | undefined> => {
    const [row] = await service.dataSource.query<{ state: string }[]>(
      'SELECT state FROM path_course WHERE path_id = $1',
      [pathId],
    );
    return row?.state;
  };

  it('should apply a ReferralAccepted that came before its ClientReferred when the referral arrives, with no dead letter', async () => {
    const story = new PathStory(publishing);
    await story.accepted();
    await settled(REFERRAL_ACCEPTED_V1.subject);

    await story.referred();
    await waitFor(() => consumed(CLIENT_REFERRED_V1.subject), {
      description: 'ClientReferred consumed',
    });

    // The referral's transaction applied the acceptance waiting for it: no time to wait for.
    expect(await stateOf(story.pathId)).toBe('INTAKE');
    expect(await deadLetterOf(REFERRAL_ACCEPTED_V1.subject)).toBe(false);
  });
});
