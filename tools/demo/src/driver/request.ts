/** A command of the gateway's API as the driver sends it. */
export interface ApiRequest {
  readonly method: 'POST' | 'PUT';
  /** Under /api/v1. */
  readonly path: string;
  /** The contract class the body must satisfy; absent for a command without a body. */
  readonly bodyClass?: new () => object;
  readonly body?: Record<string, unknown>;
  readonly ifMatch?: string;
}

/** Thrown when a story asks for something its path does not have (a bug in a persona script). */
export class StoryOrderError extends Error {}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new StoryOrderError(`the story needs ${what} here, and the path has none`);
  }
  return value;
}
