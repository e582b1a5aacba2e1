export { createServiceLogger } from './logger';
export { initMetrics, shutdownMetrics, type MetricsOptions } from './metrics';
export { initTracing, shutdownTracing, type TracingOptions } from './tracing';
