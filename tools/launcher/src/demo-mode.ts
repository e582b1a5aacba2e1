/**
 * `npm start` is how a new developer first meets polku, so it switches the demo issuer on
 * (POLKU_DEMO=true) when no real issuer is configured and nothing says otherwise. The gateway
 * itself never assumes demo mode; this is the one place that opts in, and it says so.
 */
export function switchOnDemoModeWhenNoIssuer(
  env: NodeJS.ProcessEnv,
  say: (line: string) => void,
): void {
  if (
    env.POLKU_DEMO === undefined &&
    (env.AUTH_ISSUER ?? '') === '' &&
    env.NODE_ENV !== 'production'
  ) {
    env.POLKU_DEMO = 'true';
    say(
      'no AUTH_ISSUER: demo mode (POLKU_DEMO=true), tokens for the demo users at /api/v1/dev-auth',
    );
  }
}
