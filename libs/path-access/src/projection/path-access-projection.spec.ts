import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { CONSENT_GRANTED_V1 } from '@polku/contracts';
import { pathAccessProjectionHandler, pathAccessSubscriptions } from './path-access-projection';
import { PATH_ACCESS_EVENT_SUBJECTS } from './project-path-access-events';

function handlersOf(handler: new () => object) {
  const prototype = handler.prototype as Record<string, object>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => ({
      patterns: Reflect.getMetadata(PATTERN_METADATA, prototype[name]) as string[],
      extras: Reflect.getMetadata(PATTERN_EXTRAS_METADATA, prototype[name]) as object,
      args: Object.values(
        (Reflect.getMetadata(ROUTE_ARGS_METADATA, handler, name) ?? {}) as Record<
          string,
          { index: number }
        >,
      ).map((arg) => arg.index),
    }));
}

describe('pathAccessProjectionHandler', () => {
  it('should take batches of every subject of the projection but those a service writes itself', () => {
    const handler = pathAccessProjectionHandler({ except: [CONSENT_GRANTED_V1.subject] });
    const handlers = handlersOf(handler);

    expect(handlers.flatMap((entry) => entry.patterns).sort()).toEqual(
      PATH_ACCESS_EVENT_SUBJECTS.filter((subject) => subject !== CONSENT_GRANTED_V1.subject).sort(),
    );
    for (const entry of handlers) {
      expect(entry.extras).toEqual(expect.objectContaining({ polkuEventBatch: true }));
      // The events and the batch context, as @Payload() and @Ctx() would pass them.
      expect(entry.args.sort()).toEqual([0, 1]);
    }
  });
});

describe('pathAccessSubscriptions', () => {
  it('should subscribe every subject of the projection in batches', () => {
    const subscriptions = pathAccessSubscriptions();

    expect(subscriptions.map((subscription) => subscription.subject)).toEqual(
      PATH_ACCESS_EVENT_SUBJECTS,
    );
    expect(subscriptions.every((subscription) => 'handleBatch' in subscription)).toBe(true);
  });
});
