import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { checkPathAccess, decidePathAccess } from '@polku/path-access';
import { NotFoundError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { PathCourseEngine } from '../course/path-course.engine';
import { readPath } from '../course/path-course.repository';
import { commandErrorOf } from '../course/refusal-errors';
import { callerOf, type Caller } from '../shared/caller';
import { pathCourseView, type PathCourseView } from '../views/path-course.view';
import type { CommandDecision } from './command-inputs';

/**
 * A command on one path: in one transaction, the caller's access is checked again (whatever the
 * gateway decided), the machine decides, and the new course is answered. A refusal becomes the
 * 409, 400 or 403 the gateway maps; a path the caller may not see is a 404 like no path at all.
 */
@Injectable()
export class PathCommandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: PathCourseEngine,
  ) {}

  run(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly dataClass: DataClass;
    readonly decision: (caller: Caller) => CommandDecision;
  }): Promise<PathCourseView> {
    const { principal, pathId } = options;
    return this.dataSource.transaction(async (em) => {
      const grant = await checkPathAccess(em, {
        principal,
        pathId,
        dataClass: options.dataClass,
      });
      const { input, details } = options.decision(callerOf(principal));
      const outcome = await this.engine.decide(em, {
        pathId,
        input,
        origin: { kind: 'CALLER', principal, basis: grant.basis },
        ...(details === undefined ? {} : { details }),
      });
      if (!outcome.accepted) {
        throw outcome.before === undefined
          ? new NotFoundError('the path has no course yet')
          : commandErrorOf(outcome.refusal);
      }
      return pathCourseView(outcome.state, {
        seesHealthFlags: decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed,
      });
    });
  }

  /** The path's course, for a caller who may see the path. */
  async view(principal: Principal, pathId: string): Promise<PathCourseView> {
    const grant = await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PATH' });
    const state = await readPath(this.dataSource, pathId);
    if (state === undefined) {
      throw new NotFoundError('the path has no course yet');
    }
    return pathCourseView(state, {
      seesHealthFlags: decidePathAccess(principal, grant.facts, 'HEALTH_FLAG').allowed,
    });
  }
}
