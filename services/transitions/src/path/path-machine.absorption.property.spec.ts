import fc from 'fast-check';
import { DAY0, POLICY } from '../../test/support/path-machine/path-fixtures';
import { DeliveryWorld, type DeliveryStep } from '../../test/support/path-machine/delivery-world';

// Property: whatever client-intake and activation-plans accept (modelled by their upstream
// guarantees, docs/path-rules.md), delivered to transitions late and out of order and raced by
// transitions' own commands and timers, every event is absorbed: moved or recorded as it
// arrives, or refused as EARLY and applied once what it follows has arrived; never refused
// otherwise. The invariants hold after every decision, and once everything is delivered the
// measure transitions tracks is the one activation-plans runs. PATH_PROPERTY_RUNS sets the size
// (small in CI, larger by hand).

const RUNS = Number(process.env.PATH_PROPERTY_RUNS ?? 150);

const seed = fc.nat({ max: 2 ** 31 - 1 });
const step: fc.Arbitrary<DeliveryStep> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('upstream' as const), seed }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), seed }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('command' as const), seed }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('retry' as const), seed }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'learn' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('jump' as const),
      days: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 7 }), weight: 4 },
        fc.integer({ min: 8, max: 90 }),
      ),
    }),
    weight: 1,
  },
);
const steps = fc.array(step, { minLength: 10, maxLength: 120, size: 'max' });

const stats = {
  runs: 0,
  changed: 0,
  unchanged: 0,
  early: 0,
  commands: 0,
  meetings: 0,
  states: new Set<string>(),
};

afterAll(() => {
  process.stdout.write(
    `absorption properties: ${stats.runs} runs, ${stats.changed} changed the path, ${stats.unchanged} left it unchanged, ${stats.early} early, ${stats.commands} commands, ${stats.meetings} transition meetings recorded, final states: ${[...stats.states].sort().join(' ')}\n`,
  );
});

describe('path machine: absorbing other services’ facts', () => {
  it('should absorb every upstream-valid event in any arrival order, keep the invariants, and track the measure activation-plans runs', () => {
    fc.assert(
      fc.property(steps, seed, (run, firstSeed) => {
        const world = new DeliveryWorld(POLICY, DAY0, firstSeed);
        run.forEach((s) => world.step(s));
        world.quiesce();
        stats.runs += 1;
        stats.changed += world.counts.changed;
        stats.unchanged += world.counts.unchanged;
        stats.early += world.counts.early;
        stats.commands += world.counts.commands;
        stats.meetings += world.state?.transitionMeetings?.length ?? 0;
        stats.states.add(world.state?.state ?? 'NONE');

        expect(world.retries).toEqual([]);
        const tracked = world.state?.activeMeasure ?? null;
        const running = world.upstream.running;
        expect(
          tracked === null ? null : { measureId: tracked.measureId, paused: tracked.paused },
        ).toEqual(running);
      }),
      { numRuns: RUNS },
    );
    // The generator must reach past the start, or the property proves little.
    expect([...stats.states]).toEqual(expect.arrayContaining(['IN_MEASURE', 'TRANSITION_PENDING']));
    expect(stats.early).toBeGreaterThan(0);
    expect(stats.meetings).toBeGreaterThan(0);
  });
});
