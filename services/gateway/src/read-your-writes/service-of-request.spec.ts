import { serviceOfRequestSubject } from './service-of-request';

describe('the service of a request subject', () => {
  it('should name the service by its name or its context when the subject is a request', () => {
    expect(serviceOfRequestSubject('polku-rpc.client-intake.create-referral.v1')).toBe(
      'client-intake',
    );
    expect(serviceOfRequestSubject('polku-rpc.intake.health.v1')).toBe('client-intake');
    expect(serviceOfRequestSubject('polku-rpc.plans.health.v1')).toBe('activation-plans');
    expect(serviceOfRequestSubject('polku-rpc.transitions.get-path.v1')).toBe('transitions');
    expect(serviceOfRequestSubject('polku-rpc.work-queue.list-work-queue.v1')).toBe('work-queue');
    expect(serviceOfRequestSubject('polku-rpc.work.health.v1')).toBe('work-queue');
  });

  it('should name no service when the subject is no request of one', () => {
    expect(serviceOfRequestSubject('polku.intake.referral.client-referred.v1')).toBeUndefined();
    expect(serviceOfRequestSubject('polku-rpc.gateway.x.v1')).toBeUndefined();
    expect(serviceOfRequestSubject('polku-rpc')).toBeUndefined();
  });
});
