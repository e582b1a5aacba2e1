import { Injectable } from '@nestjs/common';
import { startOfFinnishDay, TimerScheduler } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import type { PathEffect, PathState } from '../path';

export type TimerEffect = Exclude<PathEffect, { readonly type: 'emit' }>;

/**
 * Carries out a decision's timer effects on the timer table, in the caller's transaction. The
 * machine counts in Finnish days: a timer is due, and stops or runs again, at the start of its
 * day in Finland.
 */
@Injectable()
export class PathTimerEffects {
  constructor(private readonly scheduler: TimerScheduler) {}

  async apply(
    em: EntityManager,
    { effect, next }: { readonly effect: TimerEffect; readonly next: PathState },
  ): Promise<void> {
    switch (effect.type) {
      case 'scheduleTimer':
        await this.scheduler.schedule(em, {
          kind: effect.timer.kind,
          key: effect.timer.key,
          dueAt: startOfFinnishDay(effect.timer.dueDate),
          payload: { ...effect.timer.payload },
        });
        return;
      case 'cancelTimer':
        await this.scheduler.cancel(em, effect.key);
        return;
      case 'suspendTimers':
        for (const key of effect.keys) {
          await this.scheduler.suspend(em, key, startOfFinnishDay(effect.on));
        }
        return;
      case 'resumeTimers':
        for (const { key, dueDate } of effect.timers) {
          await this.scheduler.resume(em, key, startOfFinnishDay(effect.on));
          // Resuming shifts by elapsed time, which is off by an hour across a daylight-saving
          // change; the machine's date is exact, so the timer is set to it.
          const timer = next.timers.find((live) => live.key === key);
          if (timer !== undefined) {
            await this.scheduler.schedule(em, {
              kind: timer.kind,
              key,
              dueAt: startOfFinnishDay(dueDate),
              payload: { ...timer.payload },
            });
          }
        }
        return;
    }
  }
}
