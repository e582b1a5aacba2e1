import {
  CONTEXT_OF_SERVICE,
  EVENT_CONTRACTS,
  EVENT_SUBJECT_PATTERN,
  eventContractFor,
  type ServiceName,
} from '@polku/contracts';

/** The service that owns a context, i.e. the only one that may publish its subjects. */
const SERVICE_OF_CONTEXT: ReadonlyMap<string, ServiceName> = new Map(
  (Object.entries(CONTEXT_OF_SERVICE) as [ServiceName, string][]).map(([service, context]) => [
    context,
    service,
  ]),
);

/**
 * The service that owns an event subject (`polku.<context>.…`), or undefined when no service
 * owns its context.
 */
export function ownerOfSubject(subject: string): ServiceName | undefined {
  const context = EVENT_SUBJECT_PATTERN.exec(subject)?.[1];
  return context === undefined ? undefined : SERVICE_OF_CONTEXT.get(context);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `ConsentGranted v1`, for reasons; the values come from the wire, so they are cut short. */
function typeVersionOf(raw: Record<string, unknown>): string {
  const text = `${JSON.stringify(raw.type) ?? 'no type'} v${JSON.stringify(raw.version) ?? '?'}`;
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/**
 * Why a message on `subject` (the subscription's subject, without namespace) is not the owning
 * service's event of that subject, or undefined when it is: the message must have arrived on
 * that subject (`receivedSubject` is the wire subject, with any namespace in front), the subject
 * must be a registered contract of a context some service owns, and the envelope's `type` and
 * `version` must be that contract's. The NATS permissions let only the owner publish there;
 * this is the consumer's own check, so a hole in them does not make a forged event count.
 * Reasons start with `forged:` and name the subjects, types and services involved, never
 * payload values.
 */
export function subjectOwnershipProblem(
  subject: string,
  receivedSubject: string,
  raw: unknown,
): string | undefined {
  if (receivedSubject !== subject && !receivedSubject.endsWith(`.${subject}`)) {
    return `forged: a message on ${receivedSubject} reached the consumer of ${subject}`;
  }
  const contract = eventContractFor(subject);
  const owner = ownerOfSubject(subject);
  if (contract === undefined || owner === undefined) {
    return `forged: ${subject} is not an event subject any service owns`;
  }
  if (!isPlainObject(raw) || (raw.type === contract.type && raw.version === contract.version)) {
    // Not an object: the contract validation says so in its own words.
    return undefined;
  }
  const expected = `${contract.type} v${contract.version}`;
  const other = EVENT_CONTRACTS.find(
    (candidate) => candidate.type === raw.type && candidate.version === raw.version,
  );
  if (other === undefined) {
    return `forged: subject ${subject} belongs to ${owner} and carries ${expected}, not ${typeVersionOf(raw)}`;
  }
  const otherOwner = ownerOfSubject(other.subject) ?? 'no service';
  return (
    `forged: subject ${subject} belongs to ${owner} and carries ${expected}, but the envelope is ` +
    `${other.type} v${other.version} of ${other.subject}, which belongs to ${otherOwner}`
  );
}
