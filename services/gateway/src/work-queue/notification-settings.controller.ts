import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type NotificationSettingsView,
  SetNotificationSettingsCommand,
  WORK_QUEUE_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { AggregateEndpoint } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * How the caller is told of new work-queue items by e-mail (docs/work-queue.md): at once, a
 * daily digest, or never. The mail holds counts and a link only, never client data.
 */
@ApiTags('work-queue')
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @AggregateEndpoint({
    summary: 'The caller’s own e-mail notification setting',
    description: 'NONE until the caller chooses.',
    noClientData: 'the caller’s own setting and work e-mail address',
    answer: 'one',
  })
  get(@Req() request: FastifyRequest): Promise<NotificationSettingsView> {
    return this.bus.send(
      WORK_QUEUE_COMMANDS.getNotificationSettings,
      {},
      commandMetadataOf(request),
    );
  }

  @Put()
  @AggregateEndpoint({
    summary: 'Choose how the caller is told of new work-queue items',
    description:
      'IMMEDIATE (a few minutes’ batch) or DAILY (a morning digest) to the given work e-mail address, or NONE. The mail says how many items are waiting and links to the work queue; it carries no client data.',
    noClientData: 'the caller’s own setting and work e-mail address',
    command: { body: SetNotificationSettingsCommand, status: 200, idempotent: false },
  })
  set(
    @Body() command: SetNotificationSettingsCommand,
    @Req() request: FastifyRequest,
  ): Promise<NotificationSettingsView> {
    return this.bus.send(
      WORK_QUEUE_COMMANDS.setNotificationSettings,
      { body: command },
      commandMetadataOf(request),
    );
  }
}
