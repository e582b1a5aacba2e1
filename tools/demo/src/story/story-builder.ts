import type { SeededRandom } from '../random/seeded-random';
import type { OrgKey, Step, StepKind, StepParams } from './steps';

/**
 * Writes a story day by day: a cursor of days since the first referral, the steps at it, and
 * the organisations the path has reached (so the referral's consent can name them all).
 */
export class StoryBuilder {
  private cursor = 0;
  private readonly written: Step[] = [];

  constructor(readonly random: SeededRandom) {}

  /** The day the next step is written on. */
  get day(): number {
    return this.cursor;
  }

  /** Moves the cursor on by `min`–`max` days (both included). */
  after(min: number, max = min): this {
    this.cursor += this.random.int(min, max);
    return this;
  }

  /** Moves the cursor to a day, never back. */
  on(day: number): this {
    this.cursor = Math.max(this.cursor, day);
    return this;
  }

  step<K extends StepKind>(kind: K, org: OrgKey, params: StepParams[K]): this {
    this.written.push({ kind, day: this.cursor, org, ...params } as Step);
    return this;
  }

  get steps(): readonly Step[] {
    return this.written;
  }

  /** The last step of a kind, if any. */
  last<K extends StepKind>(kind: K): Extract<Step, { kind: K }> | undefined {
    return [...this.written].reverse().find((step) => step.kind === kind) as
      Extract<Step, { kind: K }> | undefined;
  }
}
