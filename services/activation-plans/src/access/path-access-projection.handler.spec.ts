import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { CLIENT_REFERRED_V1, HANDOFF_PROPOSED_V1 } from '@polku/contracts';
import { PATH_ACCESS_EVENT_SUBJECTS } from '@polku/path-access';
import { PathStageProjectionHandler } from '../path-stage/path-stage-projection.handler';
import {
  ACCESS_SUBJECTS_PROJECTED_ELSEWHERE,
  PathAccessProjectionHandler,
} from './path-access-projection.handler';

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
  it('should consume every subject of the access projection except those projected elsewhere', () => {
    const expected = PATH_ACCESS_EVENT_SUBJECTS.filter(
      (subject) => !ACCESS_SUBJECTS_PROJECTED_ELSEWHERE.includes(subject),
    );

    expect(subjectsHandledBy(new PathAccessProjectionHandler()).sort()).toEqual(
      [...expected].sort(),
    );
    expect(expected).toContain(CLIENT_REFERRED_V1.subject);
  });

  it('should leave the hand-off subjects to the path stage projection, which projects access too', () => {
    const stageSubjects = subjectsHandledBy(new PathStageProjectionHandler());
    const handoffSubjects = ACCESS_SUBJECTS_PROJECTED_ELSEWHERE.filter((subject) =>
      subject.startsWith('polku.transitions.'),
    );

    expect(handoffSubjects).toContain(HANDOFF_PROPOSED_V1.subject);
    expect(stageSubjects).toEqual(expect.arrayContaining(handoffSubjects));
  });
});
