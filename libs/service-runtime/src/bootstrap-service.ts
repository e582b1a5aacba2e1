import {
  type DynamicModule,
  type INestMicroservice,
  type LoggerService,
  Module,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InternalTokenVerifier } from '@polku/auth';
import { type BusIdentity, natsLinkOptionsFor } from '@polku/bus-permissions';
import { type BackendServiceName, healthSubject } from '@polku/contracts';
import { loadConfigOrExit, ServiceConfig } from '@polku/config';
import {
  NatsLink,
  NatsTransportServer,
  namespacedSubject,
  PassThroughRpcExceptionFilter,
} from '@polku/messaging';
import {
  createServiceLogger,
  initMetrics,
  initTracing,
  shutdownMetrics,
  shutdownTracing,
} from '@polku/observability';
import { installFastValidation } from '@polku/validation';
import { exitGracefullyOnSignals } from './graceful-shutdown';
import { installClockOfConfig } from './clock/service-clock';
import { EventBackbone } from './messaging/event-backbone';
import { isOperatorCommand, runOperatorCommand } from './operator-commands';
import { runServiceCommand, type ServiceCommand } from './service-commands';
import { POLKU_VERSION, ServiceRuntime } from './service-runtime';
import { ServiceRuntimeModule, type ServiceRuntimeModuleOptions } from './service-runtime.module';

/** What a service's main.ts tells bootstrapService: its name, modules, entities and migrations. */
export interface BootstrapServiceOptions {
  readonly service: BackendServiceName;
  /** The service's own root module with its feature modules. */
  readonly appModule: Type<unknown> | DynamicModule;
  readonly entities: ServiceRuntimeModuleOptions['entities'];
  readonly migrations: ServiceRuntimeModuleOptions['migrations'];
  /**
   * The config class the service loads at start-up: ServiceConfig unless the service reads
   * variables of its own. Its instance is what the ServiceConfig provider gives.
   */
  readonly configClass?: new () => ServiceConfig;
  /** The service's own operator commands by name, beside the common ones (service-commands.ts). */
  readonly serviceCommands?: Readonly<Record<string, ServiceCommand>>;
}

@Module({})
class ServiceRootModule {}

/** A NATS service's Nest application, not yet listening. Tests use this directly. */
export async function createServiceApp(
  options: BootstrapServiceOptions & {
    readonly config: ServiceConfig;
    readonly logger?: LoggerService | false;
    /**
     * Tests only: connect as another NATS user than the service's own, e.g. the test server's
     * test tools for fixture handlers no service declares (docs/security.md).
     */
    readonly busIdentity?: BusIdentity;
  },
): Promise<{ app: INestMicroservice; runtime: ServiceRuntime }> {
  const { config } = options;
  if (options.configClass !== undefined && !(config instanceof options.configClass)) {
    throw new Error(
      `${options.service} reads ${options.configClass.name}: load its config with loadConfig(${options.configClass.name}, env)`,
    );
  }
  // The service's own NATS user; the streams and its durables exist already (provisionBus).
  const nats = new NatsLink(
    natsLinkOptionsFor(config, options.busIdentity ?? options.service, `polku-${options.service}`),
  );
  const runtime = new ServiceRuntime(options.service, config, nats);
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [
      ServiceRuntimeModule.forService({
        runtime,
        entities: options.entities,
        migrations: options.migrations,
        answersHealthRequests: true,
      }),
      options.appModule,
    ],
  };
  const strategy = new NatsTransportServer({
    link: nats,
    namespace: config.NATS_NAMESPACE,
    queueGroup: options.service,
    // Keys imported once here; every request is checked with them before its handler runs.
    verifier: new InternalTokenVerifier(config.internalTokenVerifyKeys()),
    readYourWritesWaitMs: config.READ_YOUR_WRITES_WAIT_MS,
  });
  const app = await NestFactory.createMicroservice(root, { strategy, logger: options.logger });
  app.useGlobalFilters(new PassThroughRpcExceptionFilter());
  strategy.useEventHost(app.get(EventBackbone).consumers);
  return { app, runtime };
}

/**
 * Entry point of every NATS service. `node main.js` runs the service; `node main.js migrate`,
 * `redrive` and `rebuild-projection` are operator commands (see operator-commands.ts), and so
 * is each of the service's own `serviceCommands` (service-commands.ts).
 */
export async function bootstrapService(options: BootstrapServiceOptions): Promise<void> {
  installFastValidation();
  const config = loadConfigOrExit(options.configClass ?? ServiceConfig, options.service);
  const logger = createServiceLogger(options.service, config);
  const command = process.argv[2];
  const commands = options.serviceCommands ?? {};
  const own =
    command !== undefined && Object.hasOwn(commands, command) ? commands[command] : undefined;
  const runsCommand = isOperatorCommand(command) || own !== undefined;
  try {
    // First, before anything reads the time: demo data runs on a simulated clock. A command
    // acknowledges under its own name, so it never stands in for the serving process.
    installClockOfConfig(
      config,
      runsCommand ? `${options.service}.${command}` : options.service,
      logger,
    );
  } catch (error) {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  initTracing({ serviceName: options.service, serviceVersion: POLKU_VERSION });
  initMetrics({ serviceName: options.service, serviceVersion: POLKU_VERSION });
  process.on('unhandledRejection', (reason) => {
    logger.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  });

  try {
    if (runsCommand) {
      // An operator command (the house's, or the service's own) runs once and exits.
      const context = {
        service: options.service,
        config,
        persistence: { entities: options.entities, migrations: options.migrations },
        logger,
      };
      const args = process.argv.slice(3);
      await (isOperatorCommand(command)
        ? runOperatorCommand(command, args, context)
        : runServiceCommand(own as ServiceCommand, args, context));
      await shutdownTracing();
      await shutdownMetrics();
      return;
    }
    const { app } = await createServiceApp({ ...options, config, logger });
    exitGracefullyOnSignals(app, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
    await app.listen();
    logger.log(
      `ready: answering ${namespacedSubject(config.NATS_NAMESPACE, healthSubject(options.service))}`,
    );
  } catch (error) {
    logger.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
