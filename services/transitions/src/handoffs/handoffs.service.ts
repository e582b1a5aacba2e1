import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type {
  AcceptHandoffCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ProposeHandoffCommand,
} from '@polku/contracts';
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

  accept(answer: HandoffAnswer<AcceptHandoffCommand>) {
    const { principal, pathId, expectedVersion, command, handoffId } = answer;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => acceptHandoffDecision(caller, { command, handoffId }),
    });
  }

  decline(answer: HandoffAnswer<DeclineHandoffCommand>) {
    const { principal, pathId, expectedVersion, command, handoffId } = answer;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => declineHandoffDecision(caller, { command, handoffId }),
    });
  }

  complete(answer: HandoffAnswer<CompleteHandoffCommand>) {
    const { principal, pathId, expectedVersion, command, handoffId } = answer;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => completeHandoffDecision(caller, { command, handoffId }),
    });
  }
}
