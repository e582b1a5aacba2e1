import { ListTimelineQuery } from '@polku/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationProblem } from '../http/validation-problem';

/**
 * The timeline's filters from the query string: `kind` may repeat (`?kind=PLAN&kind=MEETING`)
 * and arrives as one string or several. Validated as the service will (400 otherwise).
 */
export function timelineQueryOf(query: Readonly<Record<string, unknown>>): ListTimelineQuery {
  const given: Record<string, unknown> = {};
  for (const name of ['orgId', 'from', 'to', 'order'] as const) {
    if (query[name] !== undefined) {
      given[name] = query[name];
    }
  }
  if (query.kind !== undefined) {
    given.kind = Array.isArray(query.kind) ? query.kind : [query.kind];
  }
  const filters = plainToInstance(ListTimelineQuery, given);
  const errors = validateSync(filters, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw validationProblem(errors);
  }
  return filters;
}
