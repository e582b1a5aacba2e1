import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { ExitPathCommand } from '@polku/contracts';
import { PathCommandService } from '../paths/path-command.service';
import { closeDecision, exitDecision } from './exit-decisions';

/** A command on the path at the version the caller read (If-Match). */
interface AtVersion {
  readonly principal: Principal;
  readonly pathId: string;
  readonly expectedVersion: number;
}

/** A client leaving the intermediate labour market, and closing the path once followed up. */
@Injectable()
export class ExitsService {
  constructor(private readonly paths: PathCommandService) {}

  exit(options: AtVersion & { readonly command: ExitPathCommand }) {
    const { principal, pathId, expectedVersion, command } = options;
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => exitDecision(caller, command),
    });
  }

  close({ principal, pathId, expectedVersion }: AtVersion) {
    return this.paths.run({
      principal,
      pathId,
      expectedVersion,
      dataClass: 'PATH',
      decision: (caller) => closeDecision(caller),
    });
  }
}
