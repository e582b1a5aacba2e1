import type { Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  EVENT_CONTRACTS,
  isFactEventSubject,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
} from '@polku/contracts';
import { TimelineEventsHandler } from '../timeline/timeline-events.handler';
import { PathAccessProjectionHandler } from './path-access-projection.handler';

/** Every subject a handler's methods name, repeats kept. */
function subjectsOf(handler: Type): string[] {
  const prototype = handler.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const method = prototype[name];
    return typeof method === 'function'
      ? ((Reflect.getMetadata(PATTERN_METADATA, method) as string[] | undefined) ?? [])
      : [];
  });
}

describe('network-meetings consumers', () => {
  const access = subjectsOf(PathAccessProjectionHandler);
  const timeline = subjectsOf(TimelineEventsHandler);

  it('should consume every fact subject exactly once between the access and timeline handlers', () => {
    expect([...access, ...timeline].sort()).toEqual(
      EVENT_CONTRACTS.map((contract): string => contract.subject)
        .filter(isFactEventSubject)
        .sort(),
    );
  });

  it('should keep meeting participants in the access projection when a meeting is scheduled, held or cancelled', () => {
    expect(access).toEqual(
      expect.arrayContaining([
        NETWORK_MEETING_SCHEDULED_V1.subject,
        NETWORK_MEETING_HELD_V1.subject,
        NETWORK_MEETING_CANCELLED_V1.subject,
      ]),
    );
  });
});
