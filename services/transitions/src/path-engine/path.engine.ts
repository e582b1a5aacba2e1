import { Inject, Injectable } from '@nestjs/common';
import { PreconditionFailedError } from '@polku/persistence';
import type { EntityManager } from 'typeorm';
import {
  changedSummary,
  decide,
  isRefused,
  type PathEvent,
  type PathInput,
  type PathPolicy,
  type PathState,
  type Refusal,
} from '../path';
import { PATH_POLICY } from './path-policy.provider';
import type { CommandDetails } from './contract-events';
import type { DecisionOrigin } from './decision-origin';
import { basisOfReferral } from './path-basis';
import { insertPath, lockPath, updatePath } from './path.repository';
import { PathEventWriter } from './path-event-writer';
import { PathTimerEffects } from './path-timer-effects';

export interface PathDecisionRequest {
  readonly pathId: string;
  readonly input: PathInput;
  readonly origin: DecisionOrigin;
  /** What a command adds to the events it causes. */
  readonly details?: CommandDetails;
  /**
   * The path's version the caller read (If-Match). Compared under the row lock, so a command
   * based on a stale read changes nothing. Absent for events, timers and commands that add
   * something new (a hand-off proposal, a wait).
   */
  readonly expectedVersion?: number;
}

export type PathDecisionOutcome =
  | { readonly accepted: true; readonly state: PathState }
  | {
      readonly accepted: false;
      readonly refusal: Refusal;
      /** The path as it was, undefined when this service has not heard of it. */
      readonly before: PathState | undefined;
    };

/**
 * The one way a path changes here: lock its row, ask the machine, store the new state and carry
 * out the effects (events to the outbox, timers to the timer table), all in the caller's
 * transaction, so a decision and its effects commit together or not at all.
 */
@Injectable()
export class PathEngine {
  constructor(
    @Inject(PATH_POLICY) private readonly policy: PathPolicy,
    private readonly events: PathEventWriter,
    private readonly timers: PathTimerEffects,
  ) {}

  async decide(em: EntityManager, request: PathDecisionRequest): Promise<PathDecisionOutcome> {
    const stored = await lockPath(em, request.pathId);
    if (
      stored !== undefined &&
      request.expectedVersion !== undefined &&
      stored.state.version !== request.expectedVersion
    ) {
      throw new PreconditionFailedError(request.expectedVersion, stored.state.version);
    }
    const decision = decide(stored?.state, request.input, this.policy);
    if (isRefused(decision)) {
      return { accepted: false, refusal: decision.refused, before: stored?.state };
    }
    const { state, effects } = decision;
    // A timer that is no longer live leaves the path as it was: nothing to store or do.
    if (stored !== undefined && state.version === stored.state.version) {
      return { accepted: true, state };
    }
    const basis = stored?.basis ?? this.basisOfNewPath(request.origin);
    if (stored === undefined) {
      await insertPath(em, { state, basis });
    } else {
      await updatePath(em, { state, previousVersion: stored.state.version });
    }
    const emitted: PathEvent[] = [];
    for (const effect of effects) {
      if (effect.type === 'emit') {
        emitted.push(effect.event);
      } else {
        await this.timers.apply(em, { effect, next: state });
      }
    }
    await this.events.write(em, {
      events: emitted,
      // Read models follow the path by this one event (docs/transitions.md, NextStepSet): told
      // after the decision's own events, only when where the path stands changed.
      summary: changedSummary(stored?.state, state),
      state,
      origin: request.origin,
      pathBasis: basis,
      details: request.details ?? {},
    });
    return { accepted: true, state };
  }

  // Only a referral (client-intake's ClientReferred) starts a path; the machine refuses every
  // other first input, so any other origin here is a bug.
  private basisOfNewPath(origin: DecisionOrigin) {
    if (origin.kind !== 'EVENT') {
      throw new Error('a path can only be created by the ClientReferred event');
    }
    return basisOfReferral(origin.envelope);
  }
}
