import 'reflect-metadata';
import type { LoggerService } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@polku/config';
import { initTracing, shutdownTracing } from '@polku/observability';
import { createServiceApp, POLKU_VERSION } from '@polku/service-runtime';
import { installFastValidation } from '@polku/validation';
import {
  BENCH_CONSUMER_MIGRATIONS,
  BenchBatchProjectionModule,
  BenchProjectionModule,
} from './bench-projection.module';
import {
  BENCH_CONSUMER_SERVICE,
  type ConsumerProcessMessage,
  type ConsumerProcessCommand,
  projectionHandlerKind,
} from './consumer-process.protocol';

// The bench's consuming service, in its own Node process as it runs in production: started by
// end-to-end.ts with the bench's environment, it projects every ClientReferred into
// bench_projection until it is told to stop. Not meant to be run by hand.

/** Shows the backbone's warnings and errors; nothing else. */
const warningsOnly: LoggerService = {
  log: () => undefined,
  warn: (message: unknown) => process.stderr.write(`[consumer warn] ${String(message)}\n`),
  error: (message: unknown) => process.stderr.write(`[consumer error] ${String(message)}\n`),
};

function send(message: ConsumerProcessMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  // As a service's bootstrap does; createServiceApp alone leaves validation on the plain path.
  installFastValidation();
  if (process.env.BENCH_TRACING === 'true') {
    initTracing({ serviceName: BENCH_CONSUMER_SERVICE, serviceVersion: POLKU_VERSION });
  }
  const config = loadConfig(ServiceConfig, process.env);
  const { app } = await createServiceApp({
    service: BENCH_CONSUMER_SERVICE,
    appModule:
      projectionHandlerKind(process.env.BENCH_HANDLER ?? 'batch') === 'batch'
        ? BenchBatchProjectionModule
        : BenchProjectionModule,
    entities: [],
    migrations: BENCH_CONSUMER_MIGRATIONS,
    config,
    logger: warningsOnly,
  });
  await app.listen();
  process.on('message', (command: ConsumerProcessCommand) => {
    if (command.kind === 'stop') {
      void app
        .close()
        .then(() => shutdownTracing())
        .finally(() => process.exit(0));
    }
  });
  // The parent going away (a crash, ^C) must not leave a consumer running.
  process.on('disconnect', () => process.exit(1));
  send({ kind: 'ready' });
}

main().catch((error: unknown) => {
  send({
    kind: 'failed',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
