import { POLKU_SYSTEM_ORG_ID, systemEmitter } from './system-emitter';

describe('systemEmitter', () => {
  it("should name a process of one of polku's services under polku's own organisation", () => {
    expect(systemEmitter('activation-plans:plan-review-timer')).toEqual({
      orgId: POLKU_SYSTEM_ORG_ID,
      orgRole: 'SYSTEM',
      actorId: 'activation-plans:plan-review-timer',
      actorRole: 'SYSTEM',
    });
  });

  it.each([
    ['a process without its service', 'plan-review-timer'],
    ['an unknown service', 'billing:invoice-timer'],
    ['an upper-case process', 'transitions:FollowUp'],
    ['an empty process', 'transitions:'],
    ['a user id', 'usr_5f3a9c21'],
  ])('should refuse %s', (_name, actorId) => {
    expect(() => systemEmitter(actorId)).toThrow(/<service>:<process>/);
  });
});
