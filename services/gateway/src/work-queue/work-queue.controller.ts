import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ListWorkQueueQuery,
  MarkItemsReadCommand,
  WORK_ITEM_KINDS,
  WORK_QUEUE_COMMANDS,
  WORK_QUEUE_SCOPES,
  type WorkQueuePage,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { AggregateEndpoint, ClientDataList, ProblemResponses } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { BooleanFilter, UuidFilter, WorkerFilter } from './filter-docs';
import { listFiltersOf } from './list-filters';

/**
 * The work queue (docs/work-queue.md): what each person is to act on next — open paths with
 * their next step, referrals and hand-offs waiting for the organisation's answer, follow-ups,
 * agreed next steps, reviews and every escalation that reached them. The service scopes every
 * item to the caller's own organisation and checks the scope against the caller's roles.
 */
@ApiTags('work-queue')
@Controller('work-queue')
export class WorkQueueController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @ClientDataList({
    summary: 'The caller’s work queue: overdue first, then by due date, with counts per kind',
    description:
      'MINE (every user): items addressed to the caller, to the paths they are the named worker of, or to their organisation. TEAM (team leads): every item of the organisation but those addressed to managers; `workerId` narrows it to one worker. ORGANISATION (managers): escalations to managers and the lost paths of the organisation. A scope the caller’s roles do not allow is 403. `counts` cover every page under the same filters. Pseudonymous ids, kinds and dates only; each read is audited with the number of items.',
    dataClasses: ['PATH'],
    organisationBasis: 'addressee',
  })
  @ApiQuery({
    name: 'scope',
    required: false,
    enum: WORK_QUEUE_SCOPES,
    description: 'Whose queue; MINE when not given.',
  })
  @ApiQuery({
    name: 'kind',
    required: false,
    isArray: true,
    enum: WORK_ITEM_KINDS,
    description: 'Only items of these kinds; repeat the parameter for several.',
  })
  @BooleanFilter('overdue', 'Only overdue items (true), or only items not overdue (false).')
  @BooleanFilter('unread', 'Only items the caller has not read (true), or only read ones (false).')
  @BooleanFilter('lost', 'Only items of lost paths (true), or of paths not lost (false).')
  @UuidFilter('pathId', 'Only the items of this path.')
  @WorkerFilter('TEAM scope only: only the items of this worker of the organisation.')
  list(
    @PageQuery() page: PageRequest,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<WorkQueuePage> {
    const filters = listFiltersOf(ListWorkQueueQuery, query, {
      single: ['scope', 'pathId', 'workerId'],
      repeatable: ['kind'],
      booleans: ['overdue', 'unread', 'lost'],
    });
    return this.bus.send(
      WORK_QUEUE_COMMANDS.listWorkQueue,
      { ...filters, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Post('read')
  @AggregateEndpoint({
    summary: 'Mark work-queue items read',
    description:
      'The caller’s own unread markers: each item stays read until it lands again (a changed next step or due date). Items the caller cannot see in any of their queues are refused (404), so an id tells nothing about another organisation’s work. Safe to repeat.',
    noClientData:
      'the caller’s own read markers on opaque item ids; nothing of a client is written or answered',
    command: { body: MarkItemsReadCommand, status: 204, idempotent: false },
  })
  @ProblemResponses({
    404: 'urn:polku:problem:not-found: an item the caller cannot see in any of their queues.',
  })
  async markRead(
    @Body() command: MarkItemsReadCommand,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.bus.send(WORK_QUEUE_COMMANDS.markItemsRead, command, commandMetadataOf(request));
  }
}
