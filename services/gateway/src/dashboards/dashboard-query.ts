import { DashboardFilters } from '@polku/contracts';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, validateSync } from 'class-validator';
import { validationProblem } from '../http/validation-problem';

/** How a dashboard view can be answered: the JSON table, or the same table as a CSV file. */
export const DASHBOARD_ANSWER_FORMATS = ['json', 'csv'] as const;

/** One of {@link DASHBOARD_ANSWER_FORMATS}. */
export type DashboardAnswerFormat = (typeof DASHBOARD_ANSWER_FORMATS)[number];

/**
 * The query string of `GET /dashboards/{view}`: the filters, and `format` for a CSV file. The
 * gateway's own parameter; it never reaches the service.
 */
export class DashboardViewParameters extends DashboardFilters {
  @IsOptional()
  @IsIn(DASHBOARD_ANSWER_FORMATS)
  readonly format?: DashboardAnswerFormat;
}

/**
 * The query string read as `parameters`, or a 400 validation problem naming each bad
 * parameter. Every parameter the class does not declare is refused, not dropped (as the global
 * pipe refuses unknown body fields, docs/api.md): above all an `orgId`, since a manager sees
 * their own organisation's figures or the region's and can name no other organisation. A
 * parameter given twice arrives as a list and fails its rule.
 */
export function dashboardQueryOf<T extends DashboardFilters>(
  parameters: new () => T,
  query: Readonly<Record<string, unknown>>,
): T {
  const given = plainToInstance(parameters, { ...query });
  const errors = validateSync(given, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    throw validationProblem(errors);
  }
  return given;
}

/** The filters alone, as the service takes them: the gateway's `format` left out. */
export function filtersOf(parameters: DashboardViewParameters): DashboardFilters {
  const filters: Record<string, unknown> = { ...parameters };
  delete filters.format;
  return filters as DashboardFilters;
}
