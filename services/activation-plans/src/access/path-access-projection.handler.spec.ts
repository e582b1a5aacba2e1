import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
} from '@polku/contracts';
import { PATH_ACCESS_EVENT_SUBJECTS } from '@polku/path-access';
import { PathAccessProjectionHandler } from './path-access-projection.handler';

function subjectsHandledBy(handler: object): string[] {
  const prototype = Object.getPrototypeOf(handler) as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const method = prototype[name];
    return typeof method === 'function'
      ? ((Reflect.getMetadata(PATTERN_METADATA, method) as string[] | undefined) ?? [])
      : [];
  });
}

describe('PathAccessProjectionHandler', () => {
  it('should consume every subject of the access projection except the plan events it writes itself', () => {
    const ownPlanEvents: string[] = [
      ACTIVATION_PLAN_AGREED_V1.subject,
      ACTIVATION_PLAN_REVISED_V1.subject,
    ];
    const expected = PATH_ACCESS_EVENT_SUBJECTS.filter(
      (subject) => !ownPlanEvents.includes(subject),
    );

    expect(subjectsHandledBy(new PathAccessProjectionHandler()).sort()).toEqual(
      [...expected].sort(),
    );
    expect(expected).toContain(CLIENT_REFERRED_V1.subject);
  });
});
