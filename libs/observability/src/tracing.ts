import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | undefined;

/** The service name and, when traces are exported, where to. */
export interface TracingOptions {
  readonly serviceName: string;
  readonly serviceVersion: string;
  /** Extra processors, e.g. an in-memory exporter in tests. */
  readonly spanProcessors?: readonly SpanProcessor[];
}

/**
 * Registers the process's tracer provider and the W3C trace-context propagator. Spans are
 * exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or …_TRACES_ENDPOINT) is set;
 * otherwise they are created (so trace context still flows through every hop) but not exported.
 * Call it first in main.ts, before anything else creates a span. Idempotent per process.
 */
export function initTracing(options: TracingOptions): NodeTracerProvider {
  if (provider) {
    return provider;
  }
  const exportsOtlp = Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  );
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? `polku-${options.serviceName}`,
      [ATTR_SERVICE_VERSION]: options.serviceVersion,
    }),
    spanProcessors: [
      ...(exportsOtlp ? [new BatchSpanProcessor(new OTLPTraceExporter())] : []),
      ...(options.spanProcessors ?? []),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return provider;
}

/** Flushes and stops span export; call during shutdown. */
export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}
