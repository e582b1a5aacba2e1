import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type {
  AcceptHandoffCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ProposeHandoffCommand,
} from '@polku/contracts';
import type { Caller } from '../paths/caller';
import type { CommandDecision } from '../paths/command-decision';
import { PathCommandService } from '../paths/path-command.service';
import type { PathView } from '../paths/path.view';
import {
  acceptHandoffDecision,
  completeHandoffDecision,
  declineHandoffDecision,
  proposeHandoffDecision,
} from './handoff-decisions';

interface HandoffRequest<C> {
  readonly principal: Principal;
  readonly pathId: string;
  readonly command: C;
}

interface HandoffAnswer<C> extends HandoffRequest<C> {
  readonly handoffId: string;
  /** The path's version the receiver read (If-Match). */
  readonly expectedVersion: number;
}

/**
 * Hand-offs of a path to another organisation: the accountable organisation proposes, the
 * receiver accepts or declines and, once the client has moved, completes it. Unanswered, the
 * machine escalates it on its timers (timers/).
 */
@Injectable()
export class HandoffsService {
  constructor(private readonly paths: PathCommandService) {}

  propose({
    principal,
    pathId,
    command,
  }: HandoffRequest<ProposeHandoffCommand>): Promise<PathView> {
    const handoffId = randomUUID();
    return this.paths.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => proposeHandoffDecision(caller, { command, handoffId }),
    });
  }

  accept(answer: HandoffAnswer<AcceptHandoffCommand>): Promise<PathView> {
    return this.answer(answer, acceptHandoffDecision);
  }

  decline(answer: HandoffAnswer<DeclineHandoffCommand>): Promise<PathView> {
    return this.answer(answer, declineHandoffDecision);
  }

  complete(answer: HandoffAnswer<CompleteHandoffCommand>): Promise<PathView> {
    return this.answer(answer, completeHandoffDecision);
  }

  /** An answer to the pending hand-off, on the path's version the caller read. */
  private answer<C>(
    answer: HandoffAnswer<C>,
    decide: (caller: Caller, facts: { command: C; handoffId: string }) => CommandDecision,
  ): Promise<PathView> {
    const { principal, pathId, expectedVersion, command, handoffId } = answer;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => decide(caller, { command, handoffId }),
    });
  }
}
