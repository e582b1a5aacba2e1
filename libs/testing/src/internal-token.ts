import { InternalTokenSigner } from '@polku/auth';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  parseInternalTokenSigningKey,
} from '@polku/config';

/**
 * Signs internal tokens with the public development key, which every service under test
 * accepts by default: tests send requests exactly as the gateway does.
 */
export function developmentTokenSigner(): InternalTokenSigner {
  return new InternalTokenSigner(
    parseInternalTokenSigningKey(DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY),
  );
}
