import { CommandValidationError, NotFoundError } from './command-errors';
import { PathNotVisibleError } from '../access/path-not-visible.error';

// What the gateway sends with a command (libs/contracts PathScoped). The gateway validates the
// route parameters; a service checks again, so a malformed id is a 404 like any path or item
// the caller may not see, never a database error.

/** A command or query about a path: `{ pathId, body }`. */
export interface PathRequest {
  readonly pathId: string;
  readonly body?: unknown;
}

/** A command about one thing of a path (a measure, a hand-off, a follow-up): `{ pathId, id, body }`. */
export interface PathItemRequest extends PathRequest {
  readonly id: string;
}

/** A command on a resource at the version the caller read (If-Match): `{ pathId, expectedVersion, body }`. */
export interface VersionedPathRequest extends PathRequest {
  readonly expectedVersion: number;
}

/** A command of an organisation as a whole: `{ orgId, body }`. */
export interface OrganisationRequest {
  readonly orgId: string;
  readonly body?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request's path id; a malformed one answers as a path that does not exist (404). */
export function requirePathId(request: PathRequest): string {
  if (typeof request?.pathId !== 'string' || !UUID.test(request.pathId)) {
    throw new PathNotVisibleError();
  }
  return request.pathId;
}

/** The id of an item inside a path; a malformed one answers "no such <what>" (404). */
export function requireItemId(request: PathItemRequest, what: string): string {
  if (typeof request?.id !== 'string' || !UUID.test(request.id)) {
    throw new NotFoundError(`no such ${what}`);
  }
  return request.id;
}

/** The request's organisation id; a malformed one answers "no such organisation" (404). */
export function requireOrgId(request: OrganisationRequest): string {
  if (typeof request?.orgId !== 'string' || !UUID.test(request.orgId)) {
    throw new NotFoundError('no such organisation');
  }
  return request.orgId;
}

/** The version the caller expects (If-Match): a whole number from 1, or a 400. */
export function requireExpectedVersion(request: VersionedPathRequest): number {
  const version = request?.expectedVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CommandValidationError('expectedVersion: must be a whole number from 1 (If-Match)');
  }
  return version;
}

/** The body of a command that has no fields of its own (resume, end a wait): absent or `{}`. */
export function requireEmptyBody(request: PathRequest): void {
  const { body } = request;
  if (body === undefined || body === null) {
    return;
  }
  if (typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length > 0) {
    throw new CommandValidationError('this command takes no fields: send an empty body');
  }
}
