import { containsPersonalIdentityCode } from './event-validators';

describe('containsPersonalIdentityCode', () => {
  it.each(['131052-308T', '010190A123B', 'client 131052+308T here', '(010101Y9012)'])(
    'should find a personal identity code when the text is %j',
    (text) => {
      expect(containsPersonalIdentityCode(text)).toBe(true);
    },
  );

  it.each([
    '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
    'cr_9J2kQ7xW4mZ8',
    'AP-2026-000123',
    '2026-03-02',
    '320152-308T',
    'x131052-308T',
    '131052-308TX',
  ])('should find none when the text is %j', (text) => {
    expect(containsPersonalIdentityCode(text)).toBe(false);
  });
});
