import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier } from '@polku/auth';
import { GatewayConfig } from '@polku/config';
import { AuthenticationGuard } from './authentication.guard';
import { DEV_ISSUER, DevIssuer } from './dev-issuer';
import { DevIssuerController } from './dev-issuer.controller';

/**
 * The demo issuer runs only outside production and only while no real issuer is configured.
 * A production gateway without AUTH_ISSUER does not start (GatewayConfig refuses it).
 */
export function usesDevIssuer(config: GatewayConfig): boolean {
  return config.NODE_ENV !== 'production' && config.AUTH_ISSUER === '';
}

/** Bearer-token authentication for every route, and the demo issuer where it is allowed. */
@Module({})
export class AuthModule {
  static async forRoot(config: GatewayConfig): Promise<DynamicModule> {
    const devIssuer = usesDevIssuer(config) ? await DevIssuer.create() : undefined;
    const verifier = new TokenVerifier({
      issuer: devIssuer ? DEV_ISSUER : config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: devIssuer
        ? { jwks: devIssuer.jwks }
        : config.AUTH_JWKS_URL
          ? { jwksUrl: config.AUTH_JWKS_URL }
          : { discover: true },
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_S,
    });
    if (devIssuer) {
      new Logger('AuthModule').warn(
        'demo issuer on (NODE_ENV is not production and AUTH_ISSUER is empty): ' +
          'anyone can get a token for a demo user at POST /api/v1/dev-auth/token',
      );
    }
    const providers: Provider[] = [
      { provide: TokenVerifier, useValue: verifier },
      { provide: APP_GUARD, useClass: AuthenticationGuard },
    ];
    if (devIssuer) {
      providers.push(
        { provide: DevIssuer, useValue: devIssuer },
        { provide: GatewayConfig, useValue: config },
      );
    }
    return {
      module: AuthModule,
      controllers: devIssuer ? [DevIssuerController] : [],
      providers,
      exports: [TokenVerifier],
    };
  }
}
