export { createServiceLogger } from './logger';
export { initTracing, shutdownTracing, type TracingOptions } from './tracing';
