import { composeDigest } from './digest-composer';

const BASE = 'https://polku.example.fi';

describe('composeDigest', () => {
  it('should count new items per kind in Finnish, Swedish and English with the link when immediate', () => {
    const mail = composeDigest(
      {
        frequency: 'IMMEDIATE',
        counts: [
          { kind: 'REFERRAL_ANSWER', count: 2 },
          { kind: 'PATH_STEP', count: 1 },
        ],
      },
      BASE,
    );

    expect(mail.subject).toBe('Polku: 3 uutta tehtävää | 3 nya uppgifter | 3 new items');
    expect(mail.text).toContain('  Polun seuraava askel: 1\n  Vastausta odottava lähete: 2');
    expect(mail.text).toContain('  Remiss som väntar på svar: 2');
    expect(mail.text).toContain('  Referral awaiting an answer: 2');
    expect(mail.text).toContain(`Avaa työjono: ${BASE}/work-queue`);
    expect(mail.text).toContain(`Öppna arbetskön: ${BASE}/work-queue`);
    expect(mail.text).toContain(`Open the work queue: ${BASE}/work-queue`);
  });

  it('should say one item in the singular when a single item is new', () => {
    const mail = composeDigest(
      { frequency: 'IMMEDIATE', counts: [{ kind: 'ESCALATION', count: 1 }] },
      BASE,
    );
    expect(mail.subject).toBe('Polku: 1 uusi tehtävä | 1 ny uppgift | 1 new item');
  });

  it('should give open, overdue and unread per kind and in total when daily', () => {
    const mail = composeDigest(
      {
        frequency: 'DAILY',
        counts: [
          { kind: 'FOLLOW_UP', open: 3, overdue: 1, unread: 2 },
          { kind: 'ESCALATION', open: 1, overdue: 1, unread: 0 },
        ],
      },
      BASE,
    );

    expect(mail.subject).toBe('Polku: työjono tänään | arbetskön i dag | your work queue today');
    expect(mail.text).toContain('Työjonossasi on 4 avointa tehtävää: 2 myöhässä, 2 lukematta.');
    expect(mail.text).toContain('  Seuranta: 3 avointa, 1 myöhässä, 2 lukematta');
    expect(mail.text).toContain('  Follow-up: 3 open, 1 overdue, 2 unread');
    expect(mail.text).toContain('Your work queue has 4 open items: 2 overdue, 2 unread.');
  });

  it('should write an unknown kind as "other" and never the kind string itself', () => {
    const mail = composeDigest(
      { frequency: 'IMMEDIATE', counts: [{ kind: 'Matti Meikäläinen 010190-123A', count: 1 }] },
      BASE,
    );
    expect(mail.text).toContain('  Other: 1');
    expect(`${mail.subject}\n${mail.text}`).not.toContain('Meikäläinen');
    expect(`${mail.subject}\n${mail.text}`).not.toContain('010190');
  });

  it('should link without a double slash when the base URL ends in one', () => {
    const mail = composeDigest({ frequency: 'IMMEDIATE', counts: [] }, `${BASE}/`);
    expect(mail.text).toContain(`${BASE}/work-queue`);
    expect(mail.text).not.toContain('fi//work-queue');
  });

  it('should contain only the counts, the fixed texts and the link when composed', () => {
    const mail = composeDigest(
      {
        frequency: 'DAILY',
        counts: [{ kind: 'AGREED_STEP', open: 12, overdue: 3, unread: 7 }],
      },
      BASE,
    );
    // Every line is a fixed text, a kind name with numbers, a separator or the link line.
    const digitsAndWords = /^[\p{L}\s–:,.|!-]*$/u;
    for (const line of mail.text.split('\n')) {
      const withoutLink = line.replace(`${BASE}/work-queue`, '').replace(/\d+/g, '');
      expect(withoutLink).toMatch(digitsAndWords);
    }
  });
});
