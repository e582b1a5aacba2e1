import { IsIP } from 'class-validator';
import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';

/** The gateway reads everything a service does, plus its HTTP settings. */
export class GatewayConfig extends ServiceConfig {
  @EnvVar({ description: 'Address the gateway’s HTTP server binds to.', default: '127.0.0.1' })
  @IsIP(undefined, {
    message: (args) => `HTTP_HOST must be an IP address, got ${JSON.stringify(args.value)}`,
  })
  HTTP_HOST!: string;

  @EnvVar({ description: 'Port of the gateway’s HTTP server.', default: '3000' })
  @IntVar(1, 65535)
  HTTP_PORT!: number;

  @EnvVar({
    description:
      'How long GET /health waits for each service’s answer before calling it down, in ms.',
    default: '1500',
  })
  @IntVar(50, 60000)
  HEALTH_TIMEOUT_MS!: number;
}
