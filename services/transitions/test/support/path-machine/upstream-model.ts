import { MEETING_KINDS } from '@polku/contracts';
import type { IsoDate } from '@polku/timers';
import type { PathEvent } from '../../../src/path/path-effects';
import type { PathInput } from '../../../src/path/path-inputs';
import { actorOf, type Dice } from './valid-inputs';

// A small model of what client-intake, activation-plans and network-meetings accept, from the
// facts each has seen: the upstream guarantees transitions relies on (docs/path-rules.md). Each
// accepted command yields the event transitions will consume. activation-plans learns of
// transitions' hand-offs and exits, and of client-intake's intake, only when `learn` delivers
// them, so its commands can race with transitions' own. network-meetings records a meeting of
// any kind at any time, for the hand-off it last heard of (or one transitions never proposed).

export const REFERRERS = ['org-te', 'org-social'];
export const PROVIDERS = ['org-provider-1', 'org-provider-2', 'org-provider-3'];

/** What activation-plans learns from other services' events. */
export type ApFact =
  | { readonly kind: 'intakeCompleted' }
  | { readonly kind: 'handoffProposed' }
  | { readonly kind: 'handoffDeclined' }
  | { readonly kind: 'handoffCompleted' }
  | { readonly kind: 'exited' };

/** A measure as activation-plans runs it. */
export interface ModelMeasure {
  readonly measureId: string;
  readonly paused: boolean;
}

export class UpstreamModel {
  // client-intake
  private pending: { readonly referralId: string; readonly toOrgId: string } | null = null;
  private referrals = 0;
  private accepted = false;
  // activation-plans, from the facts it has seen
  private segmentReady = false;
  private planAgreed = false;
  private handoffPending = false;
  private exited = false;
  running: ModelMeasure | null = null;
  private measures = 0;
  // network-meetings: the hand-off a meeting can be held for, as it last heard.
  private meetingHandoffId: string | null = null;
  private meetings = 0;
  /** Facts activation-plans has not learnt yet, in the order they happened. */
  readonly apInbox: ApFact[] = [];

  constructor(readonly pathId: string) {}

  /** The first referral, which opens the path. */
  open(today: IsoDate, dice: Dice): PathInput {
    return this.refer(today, dice);
  }

  private refer(today: IsoDate, dice: Dice): PathInput {
    const actor = actorOf(dice.pick(REFERRERS), dice);
    const toOrgId = dice.pick(PROVIDERS);
    this.referrals += 1;
    const referralId = `referral-${this.referrals}`;
    this.pending = { referralId, toOrgId };
    return {
      type: 'referred',
      at: today,
      actor,
      pathId: this.pathId,
      referralId,
      fromOrgId: actor.orgId,
      toOrgId,
      referrerWorkerId: actor.workerId,
    };
  }

  /** client-intake's commands it would accept now, each yielding its event. */
  private intakeCommands(today: IsoDate, dice: Dice): (() => PathInput)[] {
    const pending = this.pending;
    if (pending !== null) {
      const { referralId, toOrgId } = pending;
      return [
        () => {
          this.pending = null;
          this.accepted = true;
          return { type: 'referralAccepted', at: today, actor: actorOf(toOrgId, dice), referralId };
        },
        () => {
          this.pending = null;
          return {
            type: 'referralDeclined',
            at: today,
            actor: actorOf(toOrgId, dice),
            referralId,
            reasonCategory: 'NO_CAPACITY',
          };
        },
      ];
    }
    if (!this.accepted) {
      // Every earlier referral was declined.
      return [() => this.refer(today, dice)];
    }
    return [
      () => {
        this.apInbox.push({ kind: 'intakeCompleted' });
        // Any party client-intake allows: the receiver, or another organisation.
        return { type: 'intakeCompleted', at: today, actor: actorOf(dice.pick(PROVIDERS), dice) };
      },
    ];
  }

  /** activation-plans' commands it would accept now, each yielding its event. */
  private planCommands(today: IsoDate, dice: Dice, nextId: () => string): (() => PathInput)[] {
    const commands: (() => PathInput)[] = [];
    const by = () => actorOf(dice.pick([...REFERRERS, ...PROVIDERS]), dice);
    const free = !this.handoffPending && !this.exited;
    if (this.segmentReady && free) {
      commands.push(() => {
        this.planAgreed = true;
        return { type: 'planAgreed', at: today, actor: by() };
      });
    }
    if (this.planAgreed && free && this.running === null) {
      commands.push(() => {
        this.measures += 1;
        const measureId = `${this.pathId}/measure-${this.measures}-${nextId()}`;
        this.running = { measureId, paused: false };
        return {
          type: 'measureStarted',
          at: today,
          actor: by(),
          measureId,
          plannedEndDate: addDays(today, dice.int(120) + 1),
        };
      });
    }
    const running = this.running;
    if (running !== null) {
      const { measureId } = running;
      commands.push(() => {
        this.running = null;
        return { type: 'measureEnded', at: today, actor: by(), measureId };
      });
      commands.push(() => {
        this.running = { measureId, paused: !running.paused };
        return running.paused
          ? { type: 'measureResumed', at: today, actor: by(), measureId }
          : { type: 'measurePaused', at: today, actor: by(), measureId };
      });
    }
    return commands;
  }

  /** network-meetings records a held meeting of any kind, for a hand-off or none. */
  private meetingCommand(today: IsoDate, dice: Dice, nextId: () => string): () => PathInput {
    return () => {
      this.meetings += 1;
      const named = dice.int(4);
      const handoffId =
        named === 0 ? `unknown-handoff-${nextId()}` : named === 1 ? this.meetingHandoffId : null;
      return {
        type: 'meetingHeld',
        at: today,
        actor: actorOf(dice.pick([...REFERRERS, ...PROVIDERS]), dice),
        meetingId: `${this.pathId}/meeting-${this.meetings}-${nextId()}`,
        kind: dice.pick(MEETING_KINDS),
        heldAt: `${today}T09:00:00.000Z`,
        ...(handoffId === null ? {} : { handoffId }),
      };
    };
  }

  /** One upstream command, if any is possible: its event for transitions. */
  act(today: IsoDate, dice: Dice, nextId: () => string): PathInput | null {
    const upstream = dice.flag()
      ? [...this.intakeCommands(today, dice), ...this.planCommands(today, dice, nextId)]
      : [...this.planCommands(today, dice, nextId), ...this.intakeCommands(today, dice)];
    // A meeting now and then, not so often that it crowds out the path's own course.
    const commands = dice.int(5) === 0 ? [this.meetingCommand(today, dice, nextId)] : upstream;
    return commands.length === 0 ? null : commands[dice.int(commands.length)]();
  }

  /** transitions published these events: activation-plans will learn of them later. */
  published(events: readonly PathEvent[]): void {
    for (const event of events) {
      switch (event.name) {
        case 'HandoffProposed':
          this.apInbox.push({ kind: 'handoffProposed' });
          this.meetingHandoffId = event.data.handoffId;
          break;
        case 'HandoffDeclined':
          this.apInbox.push({ kind: 'handoffDeclined' });
          break;
        case 'HandoffCompleted':
          this.apInbox.push({ kind: 'handoffCompleted' });
          break;
        case 'ClientExited':
          this.apInbox.push({ kind: 'exited' });
          break;
        default:
          break;
      }
    }
  }

  /** activation-plans learns the oldest fact it has not seen yet. */
  learn(): void {
    const fact = this.apInbox.shift();
    switch (fact?.kind) {
      case undefined:
        return;
      case 'intakeCompleted':
        this.segmentReady = true;
        return;
      case 'handoffProposed':
        this.handoffPending = true;
        // A hand-off from an unclear path leaves the exit behind.
        this.exited = false;
        return;
      case 'handoffDeclined':
        this.handoffPending = false;
        return;
      case 'handoffCompleted':
        // A new segment with the receiver, who agrees its plan.
        this.handoffPending = false;
        this.segmentReady = true;
        this.planAgreed = false;
        this.exited = false;
        return;
      case 'exited':
        this.exited = true;
        return;
    }
  }
}

function addDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}
