import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import type { Refusal } from '../path';
import type { PathEngine } from '../path-engine/path.engine';
import type { EventInput } from './event-inputs';
import { PathEventFeed, PredecessorNotArrivedError, UnabsorbedEventError } from './path-event-feed';
import type { ParkedEventRetry } from './parked-event-retry';

// The feed's answer to each verdict of the machine; the machine's verdicts themselves are
// tested in arrival-order.spec.ts and the path machine's specs, parking against PostgreSQL in
// test/parked-events.integration-spec.ts.

interface Fed {
  readonly queries: unknown[][];
  readonly retried: { pathId: string; created: boolean }[];
}

async function feedRefusing(
  refusal: Refusal | null,
  envelope: Partial<EventEnvelope<unknown>> = { type: 'MeasureStarted', version: 1 },
): Promise<Fed> {
  const fed: Fed = { queries: [], retried: [] };
  const engine = {
    decide: async () =>
      refusal === null
        ? { accepted: true, state: { version: 3 } }
        : { accepted: false, refusal, before: { version: 2 } },
  } as unknown as PathEngine;
  const retry = {
    retry: async (_em: EntityManager, options: { pathId: string; created: boolean }) => {
      fed.retried.push(options);
    },
  } as unknown as ParkedEventRetry;
  const em = {
    query: async (_sql: string, parameters: unknown[]) => {
      fed.queries.push(parameters);
      return [];
    },
  } as unknown as EntityManager;
  const input = { type: 'intakeCompleted' } as EventInput;
  await new PathEventFeed(engine, retry).feed(em, {
    envelope: { id: 'evt-1', ...envelope } as EventEnvelope<unknown>,
    pathId: 'path-1',
    input,
  });
  return fed;
}

describe('PathEventFeed', () => {
  it('should acknowledge an event the machine moved the path with or recorded, and retry the path’s parked events', async () => {
    const fed = await feedRefusing(null);

    expect(fed.retried).toEqual([{ pathId: 'path-1', created: false }]);
    expect(fed.queries).toEqual([]);
  });

  it('should park an early event instead of having it redelivered', async () => {
    const fed = await feedRefusing({ code: 'EARLY', message: 'on its way' });

    expect(fed.retried).toEqual([]);
    expect(fed.queries).toEqual([
      [
        'evt-1',
        'path-1',
        'polku.plans.measure.measure-started.v1',
        'MeasureStarted',
        expect.any(String),
        'on its way',
      ],
    ]);
  });

  it('should have an early event it cannot park redelivered', async () => {
    await expect(
      feedRefusing({ code: 'EARLY', message: 'on its way' }, { type: 'Unknown', version: 1 }),
    ).rejects.toBeInstanceOf(PredecessorNotArrivedError);
  });

  it('should throw any other refusal towards the dead letters, saying it was not absorbed', async () => {
    const refusal = feedRefusing({ code: 'VALIDATION_FAILED', message: 'measureId is required.' });

    await expect(refusal).rejects.toBeInstanceOf(UnabsorbedEventError);
    await expect(refusal).rejects.toThrow(
      'MeasureStarted evt-1 was not absorbed by path path-1 (VALIDATION_FAILED): measureId is required.',
    );
  });
});
