export * from './principal';
export * from './roles';
export * from './token-verifier';
export * from './system-emitter';
export * from './internal-token';
export * from './internal-token-signer';
export * from './internal-token-verifier';
