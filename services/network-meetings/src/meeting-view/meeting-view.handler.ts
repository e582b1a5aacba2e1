import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { MEETING_COMMANDS } from '@polku/contracts';
import {
  type PathItemRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
} from '@polku/service-runtime';
import { MeetingViewService } from './meeting-view.service';

/** Meeting mode: the view model of one meeting for a shared screen. */
@Controller()
export class MeetingViewHandler {
  constructor(private readonly views: MeetingViewService) {}

  @MessagePattern(MEETING_COMMANDS.getMeetingView)
  async view(@Payload() request: PathItemRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const meetingId = requireItemId(request, 'meetingId');
    return this.views.view(principal, { pathId, meetingId });
  }
}
