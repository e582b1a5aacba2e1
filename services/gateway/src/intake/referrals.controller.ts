import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptReferralCommand,
  CreateReferralCommand,
  DeclineReferralCommand,
  INTAKE_COMMANDS,
  type CreateReferralResult,
} from '@polku/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientData, NotClientData } from '../access/client-data.decorator';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { VersionedResource } from '../http/concurrency/versioned-resource.decorator';
import { IdempotentCommand } from '../http/idempotency/idempotent-command.decorator';
import { API_PREFIX } from '../http/api-conventions';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Referrals: the start of a client's path, and every hand-off to a provider. */
@ApiTags('referrals')
@ApiBearerAuth('bearer')
@Controller()
export class ReferralsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('referrals')
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Refer a client to a provider',
    description:
      'By a caseworker of a referring organisation (employment authority, TYP, social services, Kela). The client is found by personal identity code (however written) or registered; the referral joins the client’s open path, or opens a new one — linked to the previous path when the client returns. Identity is stored only in client-intake and never appears in the answer or in events.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathFromResponse: 'pathId',
  })
  async create(
    @Body() command: CreateReferralCommand,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreateReferralResult> {
    const result = await this.bus.send<CreateReferralResult>(
      INTAKE_COMMANDS.createReferral,
      command,
      commandMetadataOf(request),
    );
    void reply.header(
      'Location',
      `/${API_PREFIX}/paths/${result.pathId}/referrals/${result.referralId}`,
    );
    return result;
  }

  @Get('paths/:pathId/referrals')
  @ApiOperation({ summary: 'The referrals of a path, oldest first' })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  list(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.listReferrals, { pathId }, commandMetadataOf(request));
  }

  @Get('paths/:pathId/referrals/:referralId/prior-information')
  @ApiOperation({
    summary: 'The prior information of a referral, as far as the client’s consent covers it',
    description:
      'Each field has a data class (summary PLAN, workAdaptationNeeded HEALTH_FLAG, languageSupportNeeded PATH); fields the caller’s organisation is not covered for are listed in `withheld`.',
  })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  priorInformation(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.getPriorInformation,
      { pathId, id: referralId },
      commandMetadataOf(request),
    );
  }

  @Post('paths/:pathId/referrals/:referralId/acceptance')
  @HttpCode(200)
  @VersionedResource()
  @ApiOperation({
    summary: 'Accept a referral (the receiving organisation)',
    description: 'Needs If-Match with the referral’s ETag; the receiver becomes a plan party.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  accept(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: AcceptReferralCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.acceptReferral,
      { pathId, id: referralId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('paths/:pathId/referrals/:referralId/decline')
  @HttpCode(200)
  @VersionedResource()
  @ApiOperation({
    summary: 'Decline a referral (the receiving organisation)',
    description:
      'Needs If-Match. The referral goes back to the referrer as an owned task with a due date (GET /api/v1/tasks), never into the void.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  decline(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: DeclineReferralCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.declineReferral,
      { pathId, id: referralId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Get('tasks')
  @ApiOperation({
    summary: 'Open tasks of the caller’s organisation',
    description: 'E.g. a declined referral to find another path for, with its due date.',
  })
  @NotClientData('the caller organisation’s own task list: pseudonymous path ids and due dates')
  tasks(@Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.listTasks, {}, commandMetadataOf(request));
  }
}
