import { Global, Module } from '@nestjs/common';
import { MAX_AWAITED_EVENTS } from '@polku/auth';
import { OwnProjectionBarrier } from './own-projection-barrier';
import { OwnWritesStore } from './own-writes.store';

/** A write is remembered this long: far longer than a healthy projection lags (ms). */
const REMEMBER_WRITES_MS = 60_000;
/** Callers remembered at once; beyond it the least recent writers are forgotten first. */
const MAX_CALLERS = 100_000;

/**
 * Read your own writes (docs/adr/0015-read-your-own-writes.md): one store of callers' recent
 * writes for the whole gateway, filled by ServiceCommandBus and read before each request.
 */
@Global()
@Module({
  providers: [
    {
      provide: OwnWritesStore,
      useFactory: () =>
        new OwnWritesStore({
          ttlMs: REMEMBER_WRITES_MS,
          maxPerCaller: MAX_AWAITED_EVENTS,
          maxCallers: MAX_CALLERS,
        }),
    },
    OwnProjectionBarrier,
  ],
  exports: [OwnWritesStore, OwnProjectionBarrier],
})
export class ReadYourWritesModule {}
