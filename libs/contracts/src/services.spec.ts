import { BACKEND_SERVICE_NAMES, CONTEXT_OF_SERVICE, SERVICE_NAMES } from './services';
import { healthSubject } from './system/health.contract';

describe('services', () => {
  it.each(SERVICE_NAMES)(
    'should give a versioned health request subject when asked for %s',
    (service) => {
      expect(healthSubject(service)).toMatch(/^polku-rpc\.[a-z-]+\.health\.v1$/);
    },
  );

  it('should give every service its own health subject when all are listed', () => {
    const subjects = SERVICE_NAMES.map((service) => healthSubject(service));

    expect(new Set(subjects).size).toBe(SERVICE_NAMES.length);
  });

  it('should put the service’s bounded context in the subject when asked for client-intake', () => {
    expect(healthSubject('client-intake')).toBe('polku-rpc.intake.health.v1');
  });

  it('should name a distinct context for every service when the contexts are listed', () => {
    expect(Object.keys(CONTEXT_OF_SERVICE).sort()).toEqual([...SERVICE_NAMES].sort());
    expect(new Set(Object.values(CONTEXT_OF_SERVICE)).size).toBe(SERVICE_NAMES.length);
  });

  it('should list the six services behind the gateway without the gateway when backends are asked for', () => {
    expect(BACKEND_SERVICE_NAMES).not.toContain('gateway');
    expect(BACKEND_SERVICE_NAMES).toHaveLength(6);
    expect([...BACKEND_SERVICE_NAMES, 'gateway'].sort()).toEqual([...SERVICE_NAMES].sort());
  });
});
