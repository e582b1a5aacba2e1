import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { ExitPathCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { closeDecision, exitDecision } from './exit-decisions';

/** A client leaving the intermediate labour market, and closing the path once followed up. */
@Injectable()
export class ExitsService {
  constructor(private readonly paths: PathCommandService) {}

  exit(options: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly command: ExitPathCommand;
  }) {
    const { principal, pathId, command } = options;
    return this.paths.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => exitDecision(caller, command),
    });
  }

  close(principal: Principal, pathId: string) {
    return this.paths.run({
      principal,
      pathId,
      dataClass: 'PATH',
      decision: (caller) => closeDecision(caller),
    });
  }
}
