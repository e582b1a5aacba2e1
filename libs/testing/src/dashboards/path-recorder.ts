import { systemEmitter } from '@polku/auth';
import {
  NEXT_STEP_SET_V1,
  validateEvent,
  type EnvelopeEmitter,
  type EventEnvelope,
  type EventPayloads,
  type EventSubject,
  type NextStepSetPayload,
} from '@polku/contracts';
import { eventEnvelopeOf } from '@polku/messaging';
import { startOfFinnishDay, type IsoDate } from '@polku/timers';
import type { Random } from './random';
import type { SyntheticOrg } from './synthetic-orgs';

/** Day starts already computed: the Helsinki offset is costly to find, and days repeat. */
const dayStarts = new Map<IsoDate, number>();

function startOf(day: IsoDate): number {
  let start = dayStarts.get(day);
  if (start === undefined) {
    start = startOfFinnishDay(day).getTime();
    dayStarts.set(day, start);
  }
  return start;
}

/** One generated event: its subject and the envelope its owner's outbox writer would publish. */
export interface SyntheticEvent {
  readonly subject: EventSubject;
  readonly envelope: EventEnvelope<unknown>;
}

/** Thrown when a path reaches an event after `now`: the path stops there, open as of today. */
export class PathCutOff extends Error {}

/** The path's own process in transitions: it answers other services' events (docs/security.md). */
export const PATH_COURSE = systemEmitter('transitions:path-course');

/** Where the path stands, as transitions' NextStepSet says (docs/transitions.md). */
type Standing = Omit<NextStepSetPayload, 'pathVersion'>;

/**
 * Writes the events of one path in time order: each through the house's envelope builder
 * (`eventEnvelopeOf`) with a seeded event id, validated against its contract, and the path's
 * NextStepSet sequence with a growing pathVersion, as transitions publishes it.
 */
export class PathRecorder {
  private last: Date;
  private version = 0;
  private standing: Standing = { state: 'REFERRED' };

  constructor(
    private readonly random: Random,
    readonly pathId: string,
    readonly clientRef: string,
    private readonly legalBasis: string,
    private readonly out: SyntheticEvent[],
    private readonly now: Date,
    private readonly validate: boolean,
    start: Date,
  ) {
    this.last = start;
  }

  /** A time of day on the Helsinki day `day`, after every event so far (pathVersion order). */
  time(day: IsoDate): Date {
    // Mostly office hours; a few just after midnight, whose UTC date is the day before.
    const minute = this.random.chance(0.04)
      ? this.random.int(1, 50)
      : this.random.int(7 * 60, 20 * 60);
    let at = new Date(startOf(day) + minute * 60_000);
    if (at.getTime() <= this.last.getTime()) {
      at = new Date(this.last.getTime() + this.random.int(1, 120) * 1000);
    }
    return at;
  }

  emit<S extends EventSubject>(
    subject: S,
    at: Date,
    emitter: EnvelopeEmitter,
    data: EventPayloads[S],
  ): EventEnvelope<EventPayloads[S]> {
    if (at.getTime() > this.now.getTime()) {
      throw new PathCutOff();
    }
    this.last = at.getTime() > this.last.getTime() ? at : this.last;
    const built = eventEnvelopeOf(subject, {
      pathId: this.pathId,
      clientRef: this.clientRef,
      emitter,
      correlationId: this.pathId,
      legalBasis: this.legalBasis,
      occurredAt: at,
      data,
    });
    // A copy as it goes on the wire: nothing the story changes later can reach a sent event.
    const envelope = JSON.parse(
      JSON.stringify({ ...built, id: this.random.uuidV7(at) }),
    ) as EventEnvelope<EventPayloads[S]>;
    if (this.validate) {
      const result = validateEvent(subject, envelope);
      if (!result.ok) {
        throw new Error(
          `generated ${envelope.type} breaks its contract: ${result.errors.join('; ')}`,
        );
      }
    }
    this.out.push({ subject, envelope });
    return envelope;
  }

  /**
   * transitions' NextStepSet after a decision: `changes` on top of where the path stood, the
   * next version, at a moment just after the event that caused it (same Helsinki day).
   */
  step(emitter: EnvelopeEmitter, changes: Partial<Standing>, cause?: Date): void {
    // A new step starts at the bottom of its ladder: no rung until it is late again.
    const newStep = 'nextStep' in changes || 'dueDate' in changes;
    const standing: Standing = {
      ...this.standing,
      ...(newStep && !('level' in changes) ? { level: undefined } : {}),
      ...changes,
    };
    this.standing = standing;
    this.version += 1;
    const at = new Date((cause ?? this.last).getTime() + this.random.int(5, 400));
    const data: NextStepSetPayload = { ...withoutUndefined(standing), pathVersion: this.version };
    this.emit(NEXT_STEP_SET_V1.subject, at, emitter, data);
  }

  /** The path's state, accountable organisation, worker and step: what NextStepSet last said. */
  get current(): Standing {
    return this.standing;
  }

  /** The path's accountable organisation's worker, for a step that keeps the organisation. */
  owner(org: SyntheticOrg, worker: string): Partial<Standing> {
    return { accountableOrgId: org.orgId, workerId: worker };
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
