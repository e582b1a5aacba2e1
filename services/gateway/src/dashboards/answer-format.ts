import type { DashboardAnswerFormat } from './dashboard-query';

export const CSV_MEDIA_TYPE = 'text/csv';
const JSON_MEDIA_TYPE = 'application/json';

/** How well an Accept header takes a media type: its q, and how specific the range was. */
interface Match {
  readonly q: number;
  /** 3 `type/subtype`, 2 `type/*`, 1 `*\/*`, 0 not matched. */
  readonly specificity: number;
}

/** The best match of `mediaType` in the Accept header: the most specific range decides. */
function matchOf(accept: string, mediaType: string): Match {
  const [type] = mediaType.split('/');
  let best: Match = { q: 0, specificity: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const specificity =
      range === mediaType ? 3 : range === `${type}/*` ? 2 : range === '*/*' ? 1 : 0;
    if (specificity === 0 || specificity < best.specificity) {
      continue;
    }
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (Number.isFinite(q)) {
      best = { q: Math.min(Math.max(q, 0), 1), specificity };
    }
  }
  return best;
}

/**
 * CSV or JSON for a dashboard view: `format` when the query gives it, else what the Accept
 * header prefers. CSV only when the header takes text/csv better than JSON, or as well but
 * by name while JSON only by a wildcard (`text/csv, *\/*`); anything else, no header or
 * `*\/*` included, is JSON, the API's own type. An Accept naming neither is answered JSON too,
 * as every other route does, rather than 406.
 */
export function answerFormatOf(
  format: DashboardAnswerFormat | undefined,
  accept: string | undefined,
): DashboardAnswerFormat {
  if (format !== undefined) {
    return format;
  }
  if (accept === undefined || accept.trim() === '') {
    return 'json';
  }
  const csv = matchOf(accept, CSV_MEDIA_TYPE);
  const json = matchOf(accept, JSON_MEDIA_TYPE);
  const prefersCsv =
    csv.q > json.q || (csv.q > 0 && csv.q === json.q && csv.specificity > json.specificity);
  return prefersCsv ? 'csv' : 'json';
}
