import { systemEmitter } from '@polku/auth';

/** The escalation timer as the emitter of ActionItemOverdue. */
export const ACTION_ITEM_TIMER_EMITTER = systemEmitter('network-meetings:action-item-timer');
