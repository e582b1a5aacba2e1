export * from './services';
export * from './field-doc.decorator';
export * from './requires-one-of.decorator';
export * from './system/health.contract';
export * from './pagination';
export * from './events';
export * from './commands';
export * from './path';
