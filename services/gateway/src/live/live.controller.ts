import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MEETING_COMMANDS, type MeetingView } from '@polku/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedException } from '../auth/authentication.guard';
import { principalOf } from '../auth/principal-of-request';
import { ClientDataRead } from '../http/endpoint-kinds';
import { ProblemResponses } from '../http/endpoint-kinds/endpoint-steps';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { LiveStreamOpener } from './live-stream.opener';

const STREAM_DESCRIPTION =
  'A server-sent event stream (text/event-stream): each new entry the caller may see as `id: <position>`, `event: entry`, `data: <timeline entry JSON>`; `event: reset` when too much was missed to catch up (reload over REST; the stream goes on from the newest entry); `event: end` when the caller may no longer see the path; a comment line as heartbeat. Resume with `Last-Event-ID` (EventSource sends it) or `lastEventId`. Every push is audited as a read.';

/** Documents an SSE route: its stream and resume parameters (above @ClientDataRead). */
function ResumeParameters(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiHeader({
      name: 'Last-Event-ID',
      required: false,
      description: 'The last position received: the stream resumes after it.',
    })(target, key, descriptor);
    ApiQuery({
      name: 'lastEventId',
      required: false,
      type: String,
      description: 'As Last-Event-ID, for clients that cannot set headers.',
    })(target, key, descriptor);
    ApiResponse({
      status: 200,
      description: 'The stream: `entry`, `reset` and `end` events and heartbeat comments.',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    })(target, key, descriptor);
    ProblemResponses({
      429: 'urn:polku:problem:rate-limited: too many requests, or too many live streams open for this user.',
    })(target, key, descriptor);
  };
}

/**
 * Live updates and meeting mode (docs/meetings.md): the path's timeline as it grows, and the
 * view of one meeting for the shared screen with its own live stream.
 */
@ApiTags('timeline')
@Controller('paths/:pathId')
export class LiveController {
  constructor(
    private readonly opener: LiveStreamOpener,
    private readonly bus: ServiceCommandBus,
  ) {}

  @ResumeParameters()
  @Get('timeline/live')
  @ClientDataRead({
    summary: 'The path’s timeline, live: new entries as server-sent events',
    description: STREAM_DESCRIPTION,
    dataClasses: ['PATH'],
    answer: 'one',
  })
  timelineLive(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Query('lastEventId') lastEventId: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.opener.open({
      pathId,
      principal: this.principal(request),
      request,
      reply,
      lastEventIdQuery: lastEventId,
    });
  }

  @Get('meetings/:meetingId/view')
  @ClientDataRead({
    summary: 'Meeting mode: one view of the meeting for the shared screen',
    description:
      'The meeting, the current plan and goals, open agreed next steps, pending hand-offs, recent decisions and the latest timeline entries — only what every invited organisation (and the caller) may see; a section one of them is not covered for is left out and its data class listed in `withheld`. `position` is where the meeting’s live stream resumes.',
    dataClasses: ['PATH'],
    answer: 'one',
    fields: { plan: 'PLAN', openActionItems: 'PLAN' },
  })
  view(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Req() request: FastifyRequest,
  ): Promise<MeetingView> {
    return this.bus.send(
      MEETING_COMMANDS.getMeetingView,
      { pathId, id: meetingId },
      commandMetadataOf(request),
    );
  }

  @ResumeParameters()
  @Get('meetings/:meetingId/live')
  @ClientDataRead({
    summary: 'Meeting mode, live: new entries every invited organisation may see, as SSE',
    description: `${STREAM_DESCRIPTION} Only entries every invited organisation of the meeting (and the caller) may see; start from the meeting view's \`position\`.`,
    dataClasses: ['PATH'],
    answer: 'one',
  })
  async meetingLive(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Query('lastEventId') lastEventId: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const view = await this.bus.send<MeetingView>(
      MEETING_COMMANDS.getMeetingView,
      { pathId, id: meetingId },
      commandMetadataOf(request),
    );
    return this.opener.open({
      pathId,
      principal: this.principal(request),
      request,
      reply,
      lastEventIdQuery: lastEventId,
      visibleToAllOf: view.presentOrgIds,
    });
  }

  private principal(request: FastifyRequest) {
    const principal = principalOf(request);
    if (principal === undefined) {
      throw new UnauthenticatedException('live stream reached without a principal');
    }
    return principal;
  }
}
