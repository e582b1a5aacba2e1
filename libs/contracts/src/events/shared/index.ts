export * from './consent';
export * from './exit-destination';
export * from './funding-ref';
export * from './measure-type';
export * from './identity-status';
export * from './municipality';
