export * from './principal';
export * from './roles';
export * from './token-verifier';
export * from './path-access-policy';
export * from './path-access-sources';
export * from './event-emitters';
