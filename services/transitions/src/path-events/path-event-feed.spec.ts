import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import type { Refusal } from '../path';
import type { PathEngine } from '../path-engine/path.engine';
import type { EventInput } from './event-inputs';
import { PathEventFeed, PredecessorNotArrivedError, UnabsorbedEventError } from './path-event-feed';

// The feed's answer to each verdict of the machine; the machine's verdicts themselves are
// tested in arrival-order.spec.ts and the path machine's specs.

function feedRefusing(refusal: Refusal | null): Promise<void> {
  const engine = {
    decide: async () =>
      refusal === null
        ? { accepted: true, state: undefined }
        : { accepted: false, refusal, before: undefined },
  } as unknown as PathEngine;
  const envelope = { id: 'evt-1', type: 'MeasureStarted' } as EventEnvelope<unknown>;
  const input = { type: 'intakeCompleted' } as EventInput;
  return new PathEventFeed(engine).feed({} as EntityManager, {
    envelope,
    pathId: 'path-1',
    input,
  });
}

describe('PathEventFeed', () => {
  it('should acknowledge an event the machine moved the path with or recorded', async () => {
    await expect(feedRefusing(null)).resolves.toBeUndefined();
  });

  it('should have an early event redelivered', async () => {
    await expect(feedRefusing({ code: 'EARLY', message: 'on its way' })).rejects.toBeInstanceOf(
      PredecessorNotArrivedError,
    );
  });

  it('should throw any other refusal towards the dead letters, saying it was not absorbed', async () => {
    const refusal = feedRefusing({ code: 'VALIDATION_FAILED', message: 'measureId is required.' });

    await expect(refusal).rejects.toBeInstanceOf(UnabsorbedEventError);
    await expect(refusal).rejects.toThrow(
      'MeasureStarted evt-1 was not absorbed by path path-1 (VALIDATION_FAILED): measureId is required.',
    );
  });
});
