import { namespacedStreamName, namespacedSubject } from './namespace';

describe('namespacedSubject', () => {
  it('should leave the subject as the contract defines it when the namespace is empty', () => {
    expect(namespacedSubject('', 'polku-rpc.intake.health.v1')).toBe('polku-rpc.intake.health.v1');
  });

  it('should put the namespace as the first token when a namespace is given', () => {
    expect(namespacedSubject('t-abc-1', 'polku-rpc.intake.health.v1')).toBe(
      't-abc-1.polku-rpc.intake.health.v1',
    );
  });

  it('should keep wildcards intact when the subject is a wildcard filter', () => {
    expect(namespacedSubject('staging', 'polku.intake.>')).toBe('staging.polku.intake.>');
  });
});

describe('namespacedStreamName', () => {
  it('should leave the stream name unchanged when the namespace is empty', () => {
    expect(namespacedStreamName('', 'POLKU_INTAKE')).toBe('POLKU_INTAKE');
  });

  it('should prefix the upper-cased namespace with dashes as underscores when a namespace is given', () => {
    expect(namespacedStreamName('t-abc-1', 'POLKU_INTAKE')).toBe('T_ABC_1_POLKU_INTAKE');
  });

  it('should give a name without dots or dashes when a namespace is given', () => {
    expect(namespacedStreamName('a-b-c', 'EVENTS')).toMatch(/^[A-Z0-9_]+$/);
  });
});
