import { demoClient, type DemoClient } from '../story/client-story';
import { isLargerMunicipality } from '../people/municipalities';

// The demo's proportions against the sources (docs/dashboards.md): each bound is generous, and
// the clients are the same on every run (fixed seeds), so the test is never flaky.

const clients: DemoClient[] = [1, 2, 3, 4].flatMap((seed) =>
  Array.from({ length: 1_000 }, (_, index) => demoClient(seed, index, '2025-06-02')),
);

/** The first exit of each client's story (a declined referral's exit included). */
function firstExits(filter: (client: DemoClient) => boolean): string[] {
  return clients.filter(filter).flatMap((client) => {
    const exit = client.story.steps.find((step) => step.kind === 'exit');
    return exit?.kind === 'exit' ? [exit.destination.category] : [];
  });
}

function shareOf(values: readonly string[], wanted: string): number {
  return values.filter((value) => value === wanted).length / values.length;
}

describe('demo proportions', () => {
  it('should send about a third to unemployment in Kajaani and most in the smaller municipalities', () => {
    const kajaani = firstExits((client) => isLargerMunicipality(client.person.municipality));
    const smaller = firstExits((client) => !isLargerMunicipality(client.person.municipality));
    expect(shareOf(kajaani, 'UNEMPLOYED_JOBSEEKER')).toBeGreaterThan(0.25);
    expect(shareOf(kajaani, 'UNEMPLOYED_JOBSEEKER')).toBeLessThan(0.42);
    expect(shareOf(smaller, 'UNEMPLOYED_JOBSEEKER')).toBeGreaterThan(0.65);
  });

  it('should send about a tenth to the open labour market', () => {
    const share = shareOf(
      firstExits(() => true),
      'OPEN_LABOUR_MARKET',
    );
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.14);
  });

  it('should retire most of the near-retirement persona and send the young to studies', () => {
    const retiring = firstExits((client) => client.persona.key === 'near-retirement');
    const pension = retiring.filter((category) => category.startsWith('PENSION')).length;
    expect(pension / retiring.length).toBeGreaterThan(0.6);
    const young = firstExits(
      (client) =>
        client.persona.key === 'young-dropout' && isLargerMunicipality(client.person.municipality),
    );
    expect(shareOf(young, 'STUDIES')).toBeGreaterThan(0.4);
  });

  it('should draw clients by population, about 5 % of them Swedish-speaking', () => {
    const inKajaani = clients.filter((c) => isLargerMunicipality(c.person.municipality)).length;
    expect(inKajaani / clients.length).toBeGreaterThan(0.45);
    expect(inKajaani / clients.length).toBeLessThan(0.57);
    const swedish = clients.filter((client) => client.person.language === 'sv').length;
    expect(swedish / clients.length).toBeGreaterThan(0.03);
    expect(swedish / clients.length).toBeLessThan(0.07);
  });

  it('should miss some follow-ups and complete most', () => {
    const exited = clients.filter((client) => client.story.steps.some((s) => s.kind === 'exit'));
    const closed = exited.filter((client) =>
      client.story.steps.some((s) => s.kind === 'closePath'),
    );
    expect(closed.length / exited.length).toBeGreaterThan(0.5);
    expect(closed.length / exited.length).toBeLessThan(0.9);
  });
});
