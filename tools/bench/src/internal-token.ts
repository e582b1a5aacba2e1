// Sign and verify rates of the internal token on one core (docs/performance.md, "The internal
// token"): SWC_NODE_PROJECT=tsconfig.base.json taskset -c 1 node -r @swc-node/register
// tools/bench/src/internal-token.ts. Bare jose verification of the same token is the baseline.
import { randomUUID } from 'node:crypto';
import { InternalTokenSigner, InternalTokenVerifier, type UserCaller } from '@polku/auth';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  parseInternalTokenSigningKey,
  parseInternalTokenVerifyKeys,
} from '@polku/config';
import { jwtVerify } from 'jose';

const OPERATIONS = 5_000;

/** Operations per second of `operation`, run OPERATIONS times in a row. */
async function rate(operation: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < OPERATIONS; i += 1) {
    await operation();
  }
  return Math.round(OPERATIONS / ((performance.now() - started) / 1000));
}

async function main(): Promise<void> {
  const signer = new InternalTokenSigner(
    parseInternalTokenSigningKey(DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY),
  );
  const keys = parseInternalTokenVerifyKeys(DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS);
  const verifier = new InternalTokenVerifier(keys);
  const caller: UserCaller = {
    kind: 'user',
    requestId: randomUUID(),
    principal: {
      userId: 'bench-user',
      orgId: randomUUID(),
      orgRole: 'PROVIDER',
      roles: ['CASEWORKER'],
      issuer: 'https://login.example.fi',
    },
  };
  for (let round = 1; round <= 4; round += 1) {
    // A fresh token each round: a round must end well inside the token's life.
    const token = await signer.sign(caller);
    const verify = await rate(() => verifier.verify(token, caller.requestId));
    const bare = await rate(() => jwtVerify(token, keys[0].publicKey, { algorithms: ['EdDSA'] }));
    const sign = await rate(() => signer.sign(caller));
    console.log(`round ${round}: verify ${verify}/s, bare jose verify ${bare}/s, sign ${sign}/s`);
  }
}

void main();
