import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { checkPathAccess, decidePathAccess } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { NotFoundError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { PathEngine } from '../path-engine/path.engine';
import { readPath } from '../path-engine/path.repository';
import { commandErrorOf } from './refusal-errors';
import { callerOf, type Caller } from './caller';
import { pathView, type PathView } from './path.view';
import type { CommandDecision } from './command-decision';

/**
 * A command on one path: in one transaction, the caller's access is checked again (whatever the
 * gateway decided), the machine decides, and the path as it is now is answered. A refusal becomes the
 * 409, 400 or 403 the gateway maps; a path the caller may not see is a 404 like no path at all.
 */
@Injectable()
export class PathCommandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: PathEngine,
  ) {}

  run(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly dataClass: DataClass;
    readonly decision: (caller: Caller) => CommandDecision;
    /** The path's version the caller read (If-Match); see PathDecisionRequest. */
    readonly expectedVersion?: number;
  }): Promise<PathView> {
    const { principal, pathId } = options;
    return retriedTransaction(this.dataSource, async (em) => {
      const grant = await checkPathAccess(em, { principal, pathId, dataClass: options.dataClass });
      const { input, details } = options.decision(callerOf(principal));
      const outcome = await this.engine.decide(em, {
        pathId,
        input,
        origin: { kind: 'CALLER', principal, basis: grant.basis },
        ...(details === undefined ? {} : { details }),
        ...(options.expectedVersion === undefined
          ? {}
          : { expectedVersion: options.expectedVersion }),
      });
      if (!outcome.accepted) {
        throw outcome.before === undefined
          ? new NotFoundError('the path has no course yet')
          : commandErrorOf(outcome.refusal, outcome.before.state);
      }
      return pathView(outcome.state, {
        seesHealthFlags: decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed,
      });
    });
  }

  /** The path, for a caller who may see the path. */
  async view(principal: Principal, pathId: string): Promise<PathView> {
    const grant = await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const state = await readPath(this.dataSource, pathId);
    if (state === undefined) {
      throw new NotFoundError('the path has no course yet');
    }
    return pathView(state, {
      seesHealthFlags: decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed,
    });
  }
}
