import { DATA_CLASSES, type DataClass } from './event-envelope';

/**
 * Subject of an event: `polku.<context>.<aggregate>.<event>.v<N>`. The context is one lower-case
 * word (a service's bounded context); aggregate and event are lower-case kebab-case.
 */
export const EVENT_SUBJECT_PATTERN =
  /^polku\.([a-z]+)\.([a-z]+(?:-[a-z]+)*)\.([a-z]+(?:-[a-z]+)*)\.v([1-9]\d*)$/;

/**
 * The wire contract of one event version. A contract never changes once published: a new shape
 * is a new contract with version N+1 and subject suffix `.v<N+1>`, published alongside.
 */
export interface EventContract<TPayload extends object, TSubject extends string = string> {
  /** NATS subject, `polku.<context>.<aggregate>.<event>.v<N>`. */
  readonly subject: TSubject;
  /** Event type in PascalCase, the envelope's `type`, e.g. `ClientReferred`. */
  readonly type: string;
  /** Contract version, the envelope's `version`; equals the subject's `.vN`. */
  readonly version: number;
  /** Data class of the payload, the envelope's `dataClass`. */
  readonly dataClass: DataClass;
  /** class-validator class that the payload (`data`) is validated against. */
  readonly payloadClass: new () => TPayload;
  /** What happened, in one sentence. */
  readonly summary: string;
  /** Who emits it, in the words of docs/domain.md §10.2. */
  readonly emittedBy: string;
}

/** `ClientReferred` → `client-referred`. */
function kebabCaseOf(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * Declares an event contract and checks it at definition time, so a malformed contract fails
 * when the module loads rather than on the wire. Throws when the subject is not
 * `polku.<context>.<aggregate>.<event>.v<N>`, when `version` differs from the `.vN` suffix, when
 * the event token is not the type in kebab-case, or when type, data class, summary or emitter
 * are missing or malformed.
 */
export function defineEvent<TPayload extends object, const TSubject extends string>(
  contract: EventContract<TPayload, TSubject>,
): EventContract<TPayload, TSubject> {
  const where = `event contract ${JSON.stringify(contract.subject)}`;
  const match = EVENT_SUBJECT_PATTERN.exec(contract.subject);
  if (match === null) {
    throw new Error(
      `${where}: subject must look like polku.<context>.<aggregate>.<event>.v<N> in lower-case kebab-case`,
    );
  }
  const [, , , eventToken, suffixVersion] = match;
  if (!Number.isInteger(contract.version) || contract.version < 1) {
    throw new Error(`${where}: version must be a positive integer, got ${contract.version}`);
  }
  if (Number(suffixVersion) !== contract.version) {
    throw new Error(
      `${where}: version ${contract.version} does not match the subject suffix .v${suffixVersion}`,
    );
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(contract.type)) {
    throw new Error(`${where}: type must be PascalCase, got ${JSON.stringify(contract.type)}`);
  }
  if (kebabCaseOf(contract.type) !== eventToken) {
    throw new Error(
      `${where}: the event token ${JSON.stringify(eventToken)} must be the type ${contract.type} in kebab-case (${kebabCaseOf(contract.type)})`,
    );
  }
  if (!(DATA_CLASSES as readonly string[]).includes(contract.dataClass)) {
    throw new Error(`${where}: unknown data class ${JSON.stringify(contract.dataClass)}`);
  }
  if (contract.summary.trim() === '' || contract.emittedBy.trim() === '') {
    throw new Error(`${where}: summary and emittedBy must not be empty`);
  }
  return Object.freeze({ ...contract });
}
