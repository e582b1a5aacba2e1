import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';
import {
  AGE_BANDS,
  DASHBOARD_PERIODS,
  DASHBOARD_SCOPES,
  DASHBOARD_VIEWS,
  DashboardFilters,
  fieldDocsOf,
  MEASURE_TYPES,
  MUNICIPALITY_CODE_PATTERN,
} from '@polku/contracts';
import { DASHBOARD_ANSWER_FORMATS } from './dashboard-query';

type FilterName = keyof DashboardFilters & string;

// The examples are days in the past, so that a request built from the document is accepted for
// good (`to` may not be after today): the contract's own example of `to` is a future day.
const SCHEMAS: Readonly<Record<FilterName, object>> = {
  scope: { type: 'string', enum: [...DASHBOARD_SCOPES] },
  period: { type: 'string', enum: [...DASHBOARD_PERIODS] },
  from: { type: 'string', format: 'date', example: '2026-01-01' },
  to: { type: 'string', format: 'date', example: '2026-06-30' },
  municipality: { type: 'string', pattern: MUNICIPALITY_CODE_PATTERN.source, example: '205' },
  measureType: { type: 'string', enum: [...MEASURE_TYPES] },
  ageBand: { type: 'string', enum: [...AGE_BANDS] },
};

/**
 * The filters of DashboardFilters as documented query parameters, each with the contract's
 * own description (FieldDoc), so the document says what the service validates.
 */
export function DashboardFilterQueries(): MethodDecorator {
  const descriptions = new Map(
    fieldDocsOf(DashboardFilters).map((field) => [field.name, field.description]),
  );
  return applyDecorators(
    ...(Object.keys(SCHEMAS) as FilterName[]).map((name) =>
      ApiQuery({
        name,
        required: false,
        schema: SCHEMAS[name],
        description: descriptions.get(name) ?? name,
      }),
    ),
  );
}

/** The view of `GET /dashboards/{view}` and its `format` parameter, documented. */
export function DashboardViewParameterDocs(): MethodDecorator {
  return applyDecorators(
    ApiParam({
      name: 'view',
      enum: [...DASHBOARD_VIEWS],
      description: 'The view (docs/dashboards.md defines each).',
    }),
    ApiQuery({
      name: 'format',
      required: false,
      enum: [...DASHBOARD_ANSWER_FORMATS],
      description:
        '`csv` for the table as a CSV file, `json` for JSON; without it the Accept header decides (`text/csv` or `application/json`), JSON when it names neither.',
    }),
  );
}
