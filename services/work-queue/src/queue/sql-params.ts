/** Positional parameters of a statement built from optional filters. */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();

  /** The placeholder of `value`, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * The one placeholder of a value used in several places (the caller's user id), bound when it
   * is first used: PostgreSQL refuses a parameter that no part of the statement references.
   */
  shared(name: string, value: unknown): () => string {
    return () => {
      const known = this.named.get(name);
      if (known !== undefined) {
        return known;
      }
      const placeholder = this.add(value);
      this.named.set(name, placeholder);
      return placeholder;
    };
  }
}
