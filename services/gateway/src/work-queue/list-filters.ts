import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationProblem } from '../http/validation-problem';

/** Which query parameters a list takes, by how the query string carries them. */
export interface ListFilterParameters<T> {
  /** One value each (`?scope=TEAM`). */
  readonly single?: readonly (keyof T & string)[];
  /** May repeat (`?kind=PATH_STEP&kind=ESCALATION`): one string or several arrive. */
  readonly repeatable?: readonly (keyof T & string)[];
  /** `true` or `false`, nothing else (no `1`, `yes` or empty value). */
  readonly booleans?: readonly (keyof T & string)[];
}

/**
 * A list's filters from the query string, validated as the service will validate them: a
 * repeated parameter arrives as one string or several and becomes an array; a boolean is
 * `true` or `false` exactly, anything else stays a string and fails `@IsBoolean()`. An invalid
 * filter is a 400 validation problem naming the parameter. Parameters the list does not take
 * (`limit`, `cursor`: see PageQuery) are left out.
 */
export function listFiltersOf<T extends object>(
  filterClass: new () => T,
  query: Readonly<Record<string, unknown>>,
  parameters: ListFilterParameters<T>,
): T {
  const given: Record<string, unknown> = {};
  for (const name of parameters.single ?? []) {
    if (query[name] !== undefined) {
      given[name] = query[name];
    }
  }
  for (const name of parameters.repeatable ?? []) {
    const value = query[name];
    if (value !== undefined) {
      given[name] = Array.isArray(value) ? value : [value];
    }
  }
  for (const name of parameters.booleans ?? []) {
    const value = query[name];
    if (value !== undefined) {
      given[name] = value === 'true' ? true : value === 'false' ? false : value;
    }
  }
  const filters = plainToInstance(filterClass, given);
  const errors = validateSync(filters, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw validationProblem(errors);
  }
  return filters;
}
