export * from './path-states';
