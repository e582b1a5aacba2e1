import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricReader,
} from '@opentelemetry/sdk-metrics';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

let provider: MeterProvider | undefined;

/** The service name and, when metrics are exported, where to. */
export interface MetricsOptions {
  readonly serviceName: string;
  readonly serviceVersion: string;
  /** Extra readers, e.g. one a test collects from. */
  readonly readers?: readonly MetricReader[];
}

/** How often metrics are pushed over OTLP: OTEL_METRIC_EXPORT_INTERVAL (ms), else 60 s. */
function exportIntervalMs(): number {
  const configured = Number(process.env.OTEL_METRIC_EXPORT_INTERVAL);
  return Number.isInteger(configured) && configured > 0 ? configured : 60_000;
}

/**
 * Registers the process's meter provider. Metrics (e.g. transitions' `polku.paths.lost`) are
 * pushed over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or …_METRICS_ENDPOINT) is set;
 * otherwise nobody reads them. Call it first in main.ts, before any module creates a meter:
 * the API hands out no-op meters until a provider is registered. Idempotent per process.
 */
export function initMetrics(options: MetricsOptions): MeterProvider {
  if (provider) {
    return provider;
  }
  const exportsOtlp = Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT,
  );
  provider = new MeterProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? `polku-${options.serviceName}`,
      [ATTR_SERVICE_VERSION]: options.serviceVersion,
    }),
    readers: [
      ...(exportsOtlp
        ? [
            new PeriodicExportingMetricReader({
              exporter: new OTLPMetricExporter(),
              exportIntervalMillis: exportIntervalMs(),
            }),
          ]
        : []),
      ...(options.readers ?? []),
    ],
  });
  metrics.setGlobalMeterProvider(provider);
  return provider;
}

/** Exports what is left and stops the meter provider; call during shutdown. */
export async function shutdownMetrics(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
  metrics.disable();
}
