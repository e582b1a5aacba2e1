import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { shutdownMetrics, shutdownTracing } from '@polku/observability';

/**
 * On SIGTERM or SIGINT: stop taking work, let in-flight work finish, close connections, exit 0.
 * If that takes longer than timeoutMs the process exits 1, so a stuck shutdown never blocks a
 * deploy or a Ctrl-C.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  { timeoutMs, logger }: { timeoutMs: number; logger: LoggerService },
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    app
      .close()
      .then(() => shutdownTracing())
      .then(() => shutdownMetrics())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(
            `shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
