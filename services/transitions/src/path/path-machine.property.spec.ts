import { MEETING_KINDS } from '@polku/contracts';
import fc from 'fast-check';
import { decide } from './path-machine';
import { isRefused } from './path-decision';
import type { PathInput } from './path-inputs';
import { pathInvariantViolations } from './path-invariants';
import { PATH_STATES, type PathState } from './path-state';
import { DAY0, POLICY } from '../../test/support/path-machine/path-fixtures';
import { PathWorld, type WorldStep } from '../../test/support/path-machine/path-world';
import { ORGS, UNCLEAR_DESTINATION } from '../../test/support/path-machine/valid-inputs';

// Property-based tests: random sequences of valid inputs from several organisations and workers
// on a few paths, interleaved with clock jumps that fire the due timers. Each decision is checked
// as it happens (testing/path-world.ts); these tests add what holds over a whole run.

const seed = fc.nat({ max: 2 ** 31 - 1 });

const act: fc.Arbitrary<WorldStep> = fc.record({
  kind: fc.constant('act' as const),
  path: fc.nat({ max: 7 }),
  seed,
});
const open: fc.Arbitrary<WorldStep> = fc.record({ kind: fc.constant('open' as const), seed });
const jump: fc.Arbitrary<WorldStep> = fc.record({
  kind: fc.constant('jump' as const),
  // Mostly short moves, now and then a long one that lets ladders and follow-ups run out.
  days: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 3 },
    fc.integer({ min: 11, max: 200 }),
  ),
});

const withJumps = fc.array(
  fc.oneof(
    { arbitrary: act, weight: 8 },
    { arbitrary: jump, weight: 3 },
    { arbitrary: open, weight: 1 },
  ),
  { minLength: 10, maxLength: 80, size: 'max' },
);
const commandsOnly = fc.array(
  fc.oneof({ arbitrary: act, weight: 8 }, { arbitrary: open, weight: 1 }),
  {
    minLength: 10,
    maxLength: 80,
    size: 'max',
  },
);

function run(steps: readonly WorldStep[], firstSeed: number): PathWorld {
  const world = new PathWorld(POLICY, DAY0);
  world.open(firstSeed);
  for (const step of steps) {
    world.step(step);
  }
  return world;
}

const stats = { runs: 0, decisions: 0, timersFired: 0, states: new Set<string>() };

afterAll(() => {
  // The report of the run counts, so a change that starves the generator shows up in the log.
  process.stdout.write(
    `path properties: ${stats.runs} runs, ${stats.decisions} decisions, ${stats.timersFired} timers fired, states reached: ${[...stats.states].sort().join(' ')}\n`,
  );
});

describe('path machine properties', () => {
  it('should keep every invariant for any valid inputs interleaved with clock jumps that fire the timers', () => {
    fc.assert(
      fc.property(withJumps, seed, (steps, firstSeed) => {
        const world = run(steps, firstSeed);
        stats.runs += 1;
        stats.decisions += world.decisions;
        stats.timersFired += world.timersFired;
        world.visited.forEach((state) => stats.states.add(state));
        for (const state of world.paths.values()) {
          expect(pathInvariantViolations(state)).toEqual([]);
        }
        expect(world.replayMismatch()).toBeNull();
      }),
      { numRuns: 300 },
    );
    // The generator must reach the far states, not loop around the start.
    expect([...stats.states]).toEqual(
      expect.arrayContaining(['FOLLOW_UP', 'CLOSED', 'UNCLEAR_PATH', 'REENTERED', 'PAUSED']),
    );
  });

  it('should lose no path for any sequence of valid commands without clock jumps', () => {
    fc.assert(
      fc.property(commandsOnly, seed, (steps, firstSeed) => {
        const world = new PathWorld(POLICY, DAY0);
        world.open(firstSeed);
        for (const step of steps) {
          world.step(step);
          expect(world.lostPaths()).toEqual([]);
        }
        expect(world.timersFired).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('should close a path only in follow-up, by its owner, with a confirmed destination and every follow-up done', () => {
    let closable = 0;
    const probe = (state: PathState, today: string) => {
      for (const orgId of ORGS) {
        const actor = { orgId, workerId: `${orgId}/worker-1`, role: 'CASEWORKER' } as const;
        const allowed =
          state.state === 'FOLLOW_UP' &&
          state.exit?.confirmed === true &&
          state.followUps.every((f) => f.status === 'COMPLETED') &&
          state.accountable?.orgId === orgId;
        closable += allowed ? 1 : 0;
        const decision = decide(state, { type: 'pathClosed', at: today, actor }, POLICY);
        expect([state.state, orgId, isRefused(decision)]).toEqual([state.state, orgId, !allowed]);
        if (state.state === 'UNCLEAR_PATH' || state.state === 'CLOSED') {
          expect(decision).toMatchObject({ refused: { code: 'CONFLICT' } });
        }
      }
    };
    fc.assert(
      fc.property(withJumps, seed, (steps, firstSeed) => {
        const world = new PathWorld(POLICY, DAY0, probe);
        world.open(firstSeed);
        steps.forEach((step) => world.step(step));
      }),
      { numRuns: 100 },
    );
    expect(closable).toBeGreaterThan(0);
  });

  it('should refuse or accept, never throw, for any input from anyone on any reachable path', () => {
    const anyInput = (state: PathState, today: string) =>
      fc
        .record({
          type: fc.constantFrom(
            'referralAccepted',
            'referralDeclined',
            'intakeCompleted',
            'measurePaused',
            'measureResumed',
            'measureEnded',
            'handoffAccepted',
            'handoffDeclined',
            'handoffCompleted',
            'exited',
            'pathClosed',
            'responsibleWorkerChanged',
            'fundingEnding',
            'followUpsRehomed',
            'unclearPathReviewed',
            'meetingHeld',
          ),
          orgId: fc.constantFrom(...ORGS),
          id: fc.constantFrom('measure-1', 'transition-1', state.pendingHandoff?.handoffId ?? 'x'),
          offset: fc.integer({ min: -5, max: 30 }),
          confirmed: fc.boolean(),
          meetingKind: fc.constantFrom(...MEETING_KINDS),
        })
        .map(({ type, orgId, id, offset, confirmed, meetingKind }) => {
          const date = new Date(Date.parse(today) + offset * 86_400_000).toISOString().slice(0, 10);
          const actor = { orgId, workerId: `${orgId}/worker-2`, role: 'CASEWORKER' as const };
          return {
            type,
            at: today,
            actor,
            measureId: id,
            handoffId: id,
            reasonCategory: 'OTHER',
            destination: confirmed ? UNCLEAR_DESTINATION : undefined,
            confirmed,
            exitDate: date,
            endDate: date,
            providerOrgId: orgId,
            toWorkerId: `${orgId}/worker-3`,
            toOrgId: orgId,
            toOrgRole: confirmed ? 'PROVIDER' : null,
            nextReviewDate: date,
            meetingId: `meeting-${offset}`,
            kind: meetingKind,
            heldAt: `${date}T09:00:00.000Z`,
          } as unknown as PathInput;
        });
    fc.assert(
      fc.property(
        withJumps.chain((steps) =>
          fc.tuple(fc.constant(steps), seed).chain(([s, firstSeed]) => {
            const world = run(s, firstSeed);
            const [state] = world.paths.values();
            return fc.tuple(fc.constant(state), anyInput(state, world.today));
          }),
        ),
        ([state, input]) => {
          const decision = decide(state, input, POLICY);
          if (!isRefused(decision)) {
            expect(pathInvariantViolations(decision.state)).toEqual([]);
            expect(PATH_STATES).toContain(decision.state.state);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
