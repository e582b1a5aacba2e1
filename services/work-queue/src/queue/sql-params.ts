/** Positional parameters of a statement built from optional filters. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of `value`, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
