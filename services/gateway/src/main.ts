import 'reflect-metadata';
import { GatewayConfig, loadConfigOrExit } from '@polku/config';
import { createServiceLogger, initMetrics, initTracing } from '@polku/observability';
import {
  exitGracefullyOnSignals,
  installClockOfConfig,
  POLKU_VERSION,
} from '@polku/service-runtime';
import { installFastValidation } from '@polku/validation';
import { createGatewayApp } from './create-gateway-app';

async function main(): Promise<void> {
  installFastValidation();
  const config = loadConfigOrExit(GatewayConfig, 'gateway');
  const logger = createServiceLogger('gateway', config);
  try {
    // First, before anything reads the time: demo data runs on a simulated clock.
    installClockOfConfig(config, 'gateway', logger);
  } catch (error) {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  initTracing({ serviceName: 'gateway', serviceVersion: POLKU_VERSION });
  initMetrics({ serviceName: 'gateway', serviceVersion: POLKU_VERSION });
  process.on('unhandledRejection', (reason) => {
    logger.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  });
  try {
    const app = await createGatewayApp({ config, logger });
    exitGracefullyOnSignals(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    logger.log(`ready: http://${config.HTTP_HOST}:${config.HTTP_PORT}/health`);
  } catch (error) {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
