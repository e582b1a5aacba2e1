import { Logger } from '@nestjs/common';
import {
  ACTIVATION_PLAN_AGREED_V1,
  CLIENT_REFERRED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  REFERRAL_ACCEPTED_V1,
  type EventPayloads,
  type EventSubject,
} from '@polku/contracts';
import { natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import { durableName, NatsLink, redriveDeadLetters, type NewEvent } from '@polku/messaging';
import { publishEventAsOwner, waitFor } from '@polku/testing';
import { ParkedEventAlarmPoller } from '../src/parking/parked-event-alarm.poller';
import { ParkedEventWatch } from '../src/parking/parked-event.watch';
import { parkedEventsCommand } from '../src/parking/parked-events.command';
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

  const parkedOf = (pathId: string) =>
    service.dataSource.query<{ event_type: string }[]>(
      'SELECT event_type FROM parked_event WHERE path_id = $1 ORDER BY seq',
      [pathId],
    );

  const deadLettersOf = (pathId: string) =>
    service.dataSource.query<unknown[]>('SELECT 1 FROM dead_letter WHERE payload LIKE $1', [
      `%${pathId}%`,
    ]);

  it('should apply a chain of parked events in one go once the event they all follow arrives', async () => {
    const story = new PathStory(publishing);
    await story.referred();
    await story.reaches('REFERRED');
    // Each waits for the one after it here, and all for the acceptance.
    await story.measureStarted();
    await settled(MEASURE_STARTED_V1.subject);
    await story.planAgreed();
    await settled(ACTIVATION_PLAN_AGREED_V1.subject);
    await story.intakeCompleted();
    await settled(INTAKE_COMPLETED_V1.subject);
    expect((await parkedOf(story.pathId)).map((row) => row.event_type)).toEqual([
      'MeasureStarted',
      'ActivationPlanAgreed',
      'IntakeCompleted',
    ]);

    await story.accepted();
    await waitFor(() => consumed(REFERRAL_ACCEPTED_V1.subject), {
      description: 'ReferralAccepted consumed',
    });

    expect(await stateOf(story.pathId)).toBe('IN_MEASURE');
    expect(await parkedOf(story.pathId)).toEqual([]);
    expect(await deadLettersOf(story.pathId)).toEqual([]);
  });

  it('should keep a parked event that is still early when another event of its path is absorbed', async () => {
    const story = new PathStory(publishing);
    await story.untilInMeasure();
    await story.measureResumed();
    await settled(MEASURE_RESUMED_V1.subject);

    // Recorded on the running measure's path; the resume still waits for its pause.
    await story.planAgreed();
    await waitFor(() => consumed(ACTIVATION_PLAN_AGREED_V1.subject), {
      description: 'ActivationPlanAgreed consumed',
    });
    expect((await parkedOf(story.pathId)).map((row) => row.event_type)).toEqual(['MeasureResumed']);
    expect(await stateOf(story.pathId)).toBe('IN_MEASURE');

    await story.measurePaused();
    await waitFor(() => consumed(MEASURE_PAUSED_V1.subject), {
      description: 'MeasurePaused consumed',
    });
    // Paused and resumed in the pause's transaction.
    expect(await stateOf(story.pathId)).toBe('IN_MEASURE');
    expect(await parkedOf(story.pathId)).toEqual([]);
    expect(await deadLettersOf(story.pathId)).toEqual([]);
  });

  describe('the alarm', () => {
    const limitMinutes = () => service.config.PARKED_EVENT_ALARM_AFTER_MINUTES;
    /** The alarm as it would run at `now`, on the service's database. */
    const alarmAt = (now: Date) =>
      new ParkedEventAlarmPoller(
        new ParkedEventWatch(service.dataSource, service.config, () => now),
        service.config,
      );

    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('should raise the alarm, with an error line without client data, once a park is older than the limit', async () => {
      const story = new PathStory(publishing);
      await story.accepted();
      await settled(REFERRAL_ACCEPTED_V1.subject);
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      const now = await alarmAt(new Date()).check();
      const justBefore = await alarmAt(
        new Date(Date.now() + (limitMinutes() - 1) * 60_000),
      ).check();
      const later = alarmAt(new Date(Date.now() + (limitMinutes() + 1) * 60_000));
      const after = await later.check();
      await later.check();

      expect(now).toMatchObject({ raised: false, overdue: 0 });
      expect(justBefore).toMatchObject({ raised: false, overdue: 0 });
      expect(after).toMatchObject({ raised: true, limitMinutes: limitMinutes() });
      expect(after.overdue).toBeGreaterThanOrEqual(1);
      expect(after.oldestAgeSeconds).toBeGreaterThan(limitMinutes() * 60);
      // Logged once while it holds, with counts only.
      expect(errors).toHaveBeenCalledTimes(1);
      const [line] = errors.mock.calls[0] as [string];
      expect(line).toContain('parked-events alarm');
      expect(line).not.toContain(story.pathId);
      expect(line).not.toContain(story.clientRef);
      expect(line).not.toContain(idOf(REFERRAL_ACCEPTED_V1.subject));

      // The referral arrives: the park goes, and the alarm with it.
      await story.referred();
      await waitFor(() => consumed(CLIENT_REFERRED_V1.subject), {
        description: 'ClientReferred consumed',
      });
      expect(await parkedOf(story.pathId)).toEqual([]);
    });
  });

  describe('the parked-events operator command', () => {
    /** Runs the command as `node main.js parked-events <args>` would, answering its log lines. */
    const run = async (args: readonly string[]): Promise<string[]> => {
      const lines: string[] = [];
      const log = (line: unknown) => void lines.push(String(line));
      await parkedEventsCommand(args, {
        dataSource: service.dataSource,
        logger: { log, error: log, warn: log },
      });
      return lines;
    };

    it('should list a parked event, give it up as a dead letter, and apply it once redriven after its predecessor', async () => {
      const story = new PathStory(publishing);
      await story.accepted();
      await settled(REFERRAL_ACCEPTED_V1.subject);
      const eventId = idOf(REFERRAL_ACCEPTED_V1.subject);

      const listed = await run([]);
      expect(listed.find((line) => line.startsWith(eventId))).toContain(
        `ReferralAccepted path ${story.pathId}`,
      );

      await run(['--dead-letter', '--id', eventId]);
      expect(await parkedOf(story.pathId)).toEqual([]);
      expect(await consumed(REFERRAL_ACCEPTED_V1.subject)).toBe(false);
      const [dead] = await service.dataSource.query<{ id: string; consumer: string }[]>(
        'SELECT id, consumer FROM dead_letter WHERE message_id = $1',
        [eventId],
      );
      expect(dead.consumer).toBe(durableName('transitions', REFERRAL_ACCEPTED_V1.subject));

      await story.referred();
      await story.reaches('REFERRED');
      const link = new NatsLink(natsLinkOptionsFor(service.config, OPERATOR, 'polku-test-redrive'));
      await redriveDeadLetters({
        dataSource: service.dataSource,
        link,
        namespace: service.config.NATS_NAMESPACE,
        ids: [Number(dead.id)],
      });
      await link.close();

      await story.reaches('INTAKE');
      expect(await parkedOf(story.pathId)).toEqual([]);
    });

    it('should refuse to give up parked events without naming them', async () => {
      await expect(run(['--dead-letter'])).rejects.toThrow('--dead-letter needs the --id');
      await expect(run(['--id', '42'])).rejects.toThrow('a UUID');
    });
  });
});
