import { applyDecorators, Header, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import { AggregateEndpoint, ProblemResponses } from '../http/endpoint-kinds';
import { CSV_MEDIA_TYPE } from './answer-format';
import { DASHBOARD_CSV, DashboardReadInterceptor } from './dashboard-read.interceptor';

/** What a dashboard route declares besides its route. */
export interface DashboardReadOptions {
  readonly summary: string;
  readonly description: string;
  /** The route answers its table as CSV too (`?format=csv`, `Accept: text/csv`). */
  readonly csv: boolean;
}

const NO_CLIENT_DATA =
  'aggregate figures of paths after small-cell suppression (counts, medians, 90th percentiles); no path id, client, worker or date of one client';

/**
 * A read of the managers' dashboards: an aggregate endpoint (no path access check, nothing of
 * a client) for the MANAGER role only, audited as an aggregate read, never cached, and with
 * `csv` also a CSV file. The figures' suppression is the service's; the gateway passes the
 * table on, or renders that same table as CSV.
 */
export function DashboardRead(options: DashboardReadOptions): MethodDecorator {
  const json = { 'application/json': { schema: { type: 'object' } } };
  const content = options.csv
    ? { ...json, [CSV_MEDIA_TYPE]: { schema: { type: 'string' } } }
    : json;
  return applyDecorators(
    AggregateEndpoint({
      summary: options.summary,
      description: options.description,
      noClientData: NO_CLIENT_DATA,
      answer: 'one',
    }),
    SetMetadata(DASHBOARD_CSV, options.csv),
    UseInterceptors(DashboardReadInterceptor),
    // Figures about vulnerable people's services: no copy in a browser's or a proxy's cache.
    Header('Cache-Control', 'no-store'),
    ...(options.csv
      ? [Header('Vary', 'Accept'), ApiProduces('application/json', CSV_MEDIA_TYPE)]
      : []),
    ApiResponse({
      status: 200,
      description: options.csv
        ? 'The table as JSON, or as a CSV file (`text/csv`, UTF-8 with a byte order mark, `;` between cells, `Content-Disposition: attachment`).'
        : 'The tables as JSON.',
      content,
    }),
    ProblemResponses({
      400: 'urn:polku:problem:validation-failed: a filter is not valid, the range is too long or reaches past today, or a parameter is not a filter (an `orgId`: no organisation can be named).',
      403: 'urn:polku:problem:forbidden: dashboards are for managers.',
    }),
  );
}
