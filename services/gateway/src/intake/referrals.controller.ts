import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptReferralCommand,
  CreateReferralCommand,
  DeclineReferralCommand,
  INTAKE_COMMANDS,
  LinkReferralCommand,
  PRIOR_INFORMATION_DATA_CLASSES,
  type CreateReferralResult,
} from '@polku/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { API_PREFIX } from '../http/api-conventions';
import { ClientDataCommand, ClientDataList, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Referrals: the start of a client's path, and every hand-off to a provider. */
@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('referrals')
  @ClientDataCommand({
    summary: 'Refer a client to a provider',
    description:
      'By a caseworker of a referring organisation (employment authority, TYP, social services, Kela). The client is found by personal identity code (however written) or registered; the referral joins the client’s open path when the caller’s organisation owns it, or opens a new one — linked to the previous path when the client returns. When another organisation owns the open path, the referral is held on a path of its own and the owner gets a LINK_REFERRAL task; the answer is the same as for a fresh referral and says nothing of the other path. Identity is stored only in client-intake and never appears in the answer or in events.',
    dataClasses: ['PATH'],
    pathFromResponse: 'pathId',
    body: CreateReferralCommand,
    status: 201,
    idempotent: true,
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

  @Post('paths/:pathId/referral-links')
  @ClientDataCommand({
    summary: 'Link another organisation’s referral of the client to this path',
    description:
      'By the path’s owner, for the referral its LINK_REFERRAL task names: the referral joins the path (its referrer becomes a referrer of the path, its receiver a party). Nothing else joins them.',
    dataClasses: ['PATH'],
    body: LinkReferralCommand,
    status: 201,
    idempotent: true,
  })
  link(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: LinkReferralCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.linkReferral,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Get('paths/:pathId/referrals')
  @ClientDataRead({
    summary: 'The referrals of a path, oldest first',
    dataClasses: ['PATH'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.listReferrals,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Get('paths/:pathId/referrals/:referralId/prior-information')
  @ClientDataRead({
    summary: 'The prior information of a referral, as far as the client’s consent covers it',
    description:
      'Each field has a data class (summary PLAN, workAdaptationNeeded HEALTH_FLAG, languageSupportNeeded PATH); fields the caller’s organisation is not covered for are listed in `withheld`. The audit row names the classes of the fields shown.',
    dataClasses: ['PATH'],
    answer: 'one',
    fields: PRIOR_INFORMATION_DATA_CLASSES,
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
  @ClientDataCommand({
    summary: 'Accept a referral (the receiving organisation)',
    description: 'Needs If-Match with the referral’s ETag; the receiver becomes a plan party.',
    dataClasses: ['PATH'],
    body: AcceptReferralCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
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
  @ClientDataCommand({
    summary: 'Decline a referral (the receiving organisation)',
    description:
      'Needs If-Match. The referral goes back to the referrer as an owned task with a due date (GET /api/v1/tasks), never into the void.',
    dataClasses: ['PATH'],
    body: DeclineReferralCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
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
  @ClientDataList({
    summary: 'Open tasks of the caller’s organisation, oldest due first',
    description:
      'E.g. a declined referral to find another path for, with its due date. Pseudonymous path ids, no identity; each read is audited with the number of rows.',
    dataClasses: ['PATH'],
    organisationBasis: 'referrer',
  })
  tasks(@PageQuery() page: PageRequest, @Req() request: FastifyRequest) {
    return this.bus.send(
      INTAKE_COMMANDS.listTasks,
      { limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }
}
