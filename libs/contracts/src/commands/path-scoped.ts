/** What the service needs besides the body: the path, and for updates the expected version. */
export interface PathScoped<T> {
  readonly pathId: string;
  readonly body: T;
}

/** A path-scoped command about one item of the path (a referral, a measure) at a version. */
export interface VersionedPathCommand<T> extends PathScoped<T> {
  readonly id: string;
  readonly expectedVersion: number;
}
