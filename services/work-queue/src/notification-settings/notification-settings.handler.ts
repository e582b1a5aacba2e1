import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { SetNotificationSettingsCommand, WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { RequestPrincipal, validateCommand } from '@polku/service-runtime';
import { NotificationSettingsService } from './notification-settings.service';

/** The gateway's request to save: `{ body }`. */
interface SettingsRequest {
  readonly body?: unknown;
}

/**
 * GET and PUT /api/v1/me/notification-settings: the caller's own setting. Nothing in the body
 * names a user or an organisation; both are the verified principal's.
 */
@Controller()
export class NotificationSettingsHandler {
  constructor(private readonly settings: NotificationSettingsService) {}

  @MessagePattern(WORK_QUEUE_COMMANDS.getNotificationSettings)
  async get(@RequestPrincipal() principal: Principal) {
    return this.settings.get(principal);
  }

  @MessagePattern(WORK_QUEUE_COMMANDS.setNotificationSettings)
  async set(@Payload() request: SettingsRequest, @RequestPrincipal() principal: Principal) {
    const command = validateCommand(SetNotificationSettingsCommand, request?.body);
    return this.settings.set(principal, command);
  }
}
