import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier } from '@polku/auth';
import { GatewayConfig } from '@polku/config';
import { AuthenticationGuard } from './authentication.guard';
import { FailedAuthenticationLimiter } from './failed-authentication-limiter';

/**
 * The demo issuer runs only when switched on with POLKU_DEMO=true, never by a missing setting.
 * GatewayConfig refuses POLKU_DEMO in production and beside AUTH_ISSUER; the second check here
 * keeps a config built some other way from turning it on in production.
 */
export function usesDevIssuer(config: GatewayConfig): boolean {
  return config.POLKU_DEMO === true && config.NODE_ENV !== 'production';
}

/**
 * The demo issuer, its key and its endpoints. Loaded only in demo mode, so a production gateway
 * never loads the demo directory (@polku/demo) at all.
 */
async function loadDemoIssuer() {
  const { DEV_ISSUER, DevIssuer } = await import('./dev-issuer');
  const { DevIssuerController } = await import('./dev-issuer.controller');
  return { iss: DEV_ISSUER, issuer: await DevIssuer.create(), DevIssuer, DevIssuerController };
}

/** Bearer-token authentication for every route, and the demo issuer where it is allowed. */
@Module({})
export class AuthModule {
  static async forRoot(config: GatewayConfig): Promise<DynamicModule> {
    if (!usesDevIssuer(config) && config.AUTH_ISSUER === '') {
      // Nobody could sign in; the demo issuer is never the silent fallback.
      throw new Error(
        'no token issuer: set AUTH_ISSUER to your OIDC issuer, or POLKU_DEMO=true to try polku with the demo issuer',
      );
    }
    const demo = usesDevIssuer(config) ? await loadDemoIssuer() : undefined;
    const verifier = new TokenVerifier({
      issuer: demo ? demo.iss : config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: demo
        ? { jwks: demo.issuer.jwks }
        : config.AUTH_JWKS_URL
          ? { jwksUrl: config.AUTH_JWKS_URL }
          : { discover: true },
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_S,
      requireHttpsKeys: config.NODE_ENV === 'production',
    });
    if (demo) {
      new Logger('AuthModule').warn(
        'demo issuer on (POLKU_DEMO=true): ' +
          'anyone can get a token for a demo user at POST /api/v1/dev-auth/token',
      );
    }
    const providers: Provider[] = [
      { provide: TokenVerifier, useValue: verifier },
      {
        provide: FailedAuthenticationLimiter,
        useValue: new FailedAuthenticationLimiter(config.AUTH_FAILURES_PER_MINUTE),
      },
      { provide: APP_GUARD, useClass: AuthenticationGuard },
    ];
    if (demo) {
      providers.push(
        { provide: demo.DevIssuer, useValue: demo.issuer },
        { provide: GatewayConfig, useValue: config },
      );
    }
    return {
      module: AuthModule,
      controllers: demo ? [demo.DevIssuerController] : [],
      providers,
      exports: [TokenVerifier],
    };
  }
}
