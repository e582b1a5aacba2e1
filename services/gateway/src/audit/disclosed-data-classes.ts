import { DATA_CLASSES, type DataClass } from '@polku/contracts';

/**
 * The data classes an audit row can name: every event data class, and IDENTITY — who the
 * client is (identity code, name, birth date, address). Identity never travels in events, so it is not an
 * event data class; the audit names it on its own because its disclosure is the one a client
 * asks about first (docs/auth.md, "The audit trail").
 */
export const AUDIT_DATA_CLASSES = [...DATA_CLASSES, 'IDENTITY'] as const;

/** One of {@link AUDIT_DATA_CLASSES}. */
export type AuditDataClass = (typeof AUDIT_DATA_CLASSES)[number];

/** Fields that say who the client is: any of them in an answer with a value discloses IDENTITY. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'personalIdentityCode',
  'givenNames',
  'familyName',
  'birthDate',
  'address',
]);

/** Field name → data class of the fields an answer may hold beyond the route's own classes. */
export type FieldDataClasses = Readonly<Record<string, DataClass>>;

// Answers are JSON the gateway itself built or a service sent; a bound on depth keeps the walk
// cheap however a service nests its answer.
const MAX_DEPTH = 8;

function holdsIdentity(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') {
    return false;
  }
  if (Array.isArray(value)) {
    return value.some((item) => holdsIdentity(item, depth + 1));
  }
  return Object.entries(value).some(
    ([key, field]) =>
      (IDENTITY_FIELDS.has(key) && field !== null && field !== undefined && field !== '') ||
      holdsIdentity(field, depth + 1),
  );
}

/**
 * The data classes an answer actually contained: the route's own classes (an answer about a
 * path discloses at least that the path exists and its status), the classes of `fields` the
 * answer holds with a value (prior information: the fields the caller was covered for), the
 * classes a page's items name in `itemDataClassField` (timeline entries of many classes), and
 * IDENTITY when any identity field has a value anywhere in it.
 */
export function disclosedDataClasses(options: {
  readonly declared: readonly DataClass[];
  readonly answer: unknown;
  readonly fields?: FieldDataClasses;
  /** For a page whose items each name their own data class in this field (the timeline). */
  readonly itemDataClassField?: string;
}): AuditDataClass[] {
  const classes = new Set<AuditDataClass>(options.declared);
  const answer = options.answer;
  if (options.itemDataClassField !== undefined) {
    for (const dataClass of itemDataClassesOf(answer, options.itemDataClassField)) {
      classes.add(dataClass);
    }
  }
  if (options.fields !== undefined && answer !== null && typeof answer === 'object') {
    for (const [field, dataClass] of Object.entries(options.fields)) {
      const value = (answer as Record<string, unknown>)[field];
      if (value !== undefined && value !== null) {
        classes.add(dataClass);
      }
    }
  }
  if (holdsIdentity(answer, 0)) {
    classes.add('IDENTITY');
  }
  return AUDIT_DATA_CLASSES.filter((dataClass) => classes.has(dataClass));
}

/** The data classes the items of a page name in `field`, each known one once. */
function itemDataClassesOf(answer: unknown, field: string): DataClass[] {
  const items = (answer as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) {
    return [];
  }
  const named = new Set(
    items.map((item) => (item as Record<string, unknown> | null | undefined)?.[field]),
  );
  return DATA_CLASSES.filter((dataClass) => named.has(dataClass));
}

/** How many rows a list answer (a Page) held; null for an answer that is not a list. */
export function rowCountOf(answer: unknown): number | null {
  const items = (answer as { items?: unknown } | null | undefined)?.items;
  return Array.isArray(items) ? items.length : null;
}
