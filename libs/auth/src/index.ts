export * from './principal';
export * from './roles';
export * from './token-verifier';
export * from './system-emitter';
