import { metrics } from '@opentelemetry/api';
import { MetricReader } from '@opentelemetry/sdk-metrics';
import { initMetrics, shutdownMetrics } from './metrics';

/** A reader a test collects from on demand, as an exporter would every interval. */
class CollectingReader extends MetricReader {
  // Nothing is buffered: collect() reads the instruments directly.
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

afterEach(async () => {
  await shutdownMetrics();
});

describe('initMetrics', () => {
  it('should let a meter created after it report an observable gauge to the readers', async () => {
    const reader = new CollectingReader();
    initMetrics({ serviceName: 'transitions', serviceVersion: '0.0.0-test', readers: [reader] });

    metrics
      .getMeter('polku.transitions')
      .createObservableGauge('polku.paths.lost')
      .addCallback((result) => result.observe(3, { reason: 'FOLLOW_UP_MISSED' }));
    const { resourceMetrics } = await reader.collect();

    const gauge = resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === 'polku.paths.lost');
    expect(gauge?.dataPoints).toEqual([
      expect.objectContaining({ value: 3, attributes: { reason: 'FOLLOW_UP_MISSED' } }),
    ]);
    expect(resourceMetrics.resource.attributes['service.name']).toBe('polku-transitions');
  });

  it('should hand out no-op meters again once shut down', async () => {
    initMetrics({ serviceName: 'transitions', serviceVersion: '0.0.0-test' });
    await shutdownMetrics();

    expect(() => metrics.getMeter('x').createCounter('y').add(1)).not.toThrow();
  });
});
