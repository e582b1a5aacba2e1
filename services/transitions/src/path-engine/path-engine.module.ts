import { Module } from '@nestjs/common';
import { TransitionsConfig } from '@polku/config';
import { TimerScheduler } from '@polku/timers';
import { PathEventWriter } from './path-event-writer';
import { PATH_POLICY_PROVIDER } from './path-policy.provider';
import { PathTimerEffects } from './path-timer-effects';
import { PathEngine } from './path.engine';
import { TRANSITIONS_CONFIG_PROVIDER } from './transitions-config';

/**
 * The one way a path changes (PathEngine: lock, decide, store, effects), with the policy from
 * the configuration it decides by. Every feature that moves a path imports this module.
 */
@Module({
  providers: [
    TRANSITIONS_CONFIG_PROVIDER,
    PATH_POLICY_PROVIDER,
    TimerScheduler,
    PathTimerEffects,
    PathEventWriter,
    PathEngine,
  ],
  exports: [PathEngine, TransitionsConfig],
})
export class PathEngineModule {}
