import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { TRANSITION_COMMANDS } from '@polku/contracts';
import { type PathRequest, RequestPrincipal, requirePathId } from '@polku/service-runtime';
import { PathCommandService } from './path-command.service';

/** A path over NATS, for a caller who may see the path. */
@Controller()
export class PathsHandler {
  constructor(private readonly paths: PathCommandService) {}

  @MessagePattern(TRANSITION_COMMANDS.getPath)
  get(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    return this.paths.view(principal, requirePathId(request));
  }
}
