/**
 * A service's own access check refused: answered exactly like a path that does not exist
 * (NOT_FOUND → 404), so a caller learns nothing about paths it may not see.
 */
export class PathNotVisibleError extends Error {
  readonly code = 'NOT_FOUND';

  constructor() {
    super('no such path');
    this.name = 'PathNotVisibleError';
  }

  /** The reply body (an Error's message is not serialised on its own). */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}
