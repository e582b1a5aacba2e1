import { decidePathStep, type PathStepSource } from './path-step-rules';

const source = (over: Partial<PathStepSource> = {}): PathStepSource => ({
  state: 'IN_MEASURE',
  accountableOrgId: 'org-1',
  nextStep: 'PLAN_NEXT_STEP',
  dueDate: '2026-05-01',
  level: null,
  versionAt: '2026-03-05T00:00:00.000Z',
  versionEventId: 'v5',
  runAt: '2026-03-01T00:00:00.000Z',
  runEventId: 'v3',
  ...over,
});

describe('decidePathStep', () => {
  it('should give the path worker of the accountable organisation the step, dated from its run', () => {
    expect(decidePathStep('p1', source(), undefined)).toMatchObject({
      itemKey: 'PATH_STEP:p1',
      recipientKind: 'PATH_WORKER',
      recipientOrgId: 'org-1',
      openedEventId: 'v3',
      clearedAt: null,
    });
  });

  it.each(['CLOSED', 'REENTERED'])(
    'should clear the step of a path %s by that version',
    (state) => {
      const open = decidePathStep('p1', source(), undefined);
      const ended = decidePathStep('p1', source({ state, nextStep: null, dueDate: null }), open);

      expect(ended).toMatchObject({ clearedEventId: 'v5', openedEventId: 'v3' });
    },
  );

  it('should write nothing for a path that ended before its step reached a queue', () => {
    expect(
      decidePathStep('p1', source({ state: 'CLOSED', nextStep: null }), undefined),
    ).toBeUndefined();
  });
});
