/** One server-sent event: an optional id (a timeline position), its type and its data. */
export interface SseMessage {
  readonly id?: string;
  readonly event: 'entry' | 'reset' | 'end';
  readonly data: unknown;
}

/**
 * A server-sent event as it goes on the wire (the WHATWG event stream format): `id:`,
 * `event:` and one `data:` line per line of the JSON (JSON.stringify writes none, but a line
 * break must never end the event early), then an empty line.
 */
export function sseMessage(message: SseMessage): string {
  const lines: string[] = [];
  if (message.id !== undefined) {
    lines.push(`id: ${message.id}`);
  }
  lines.push(`event: ${message.event}`);
  for (const line of JSON.stringify(message.data).split(/\r\n|\r|\n/)) {
    lines.push(`data: ${line}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** A comment line: ignored by EventSource, it keeps proxies and load balancers from timing out. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/**
 * Tells EventSource how long to wait before reconnecting, in ms; sent once when a stream opens.
 */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

const POSITION = /^(0|[1-9]\d{0,18})$/;

/**
 * Where a stream resumes: the `Last-Event-ID` header EventSource sends on reconnecting, else the
 * `lastEventId` query parameter (polyfills that cannot set headers), else undefined (start at
 * the newest entry). An id that is no position is refused (undefined → 400 by the caller).
 */
export function resumePositionOf(
  header: string | string[] | undefined,
  query: unknown,
): { readonly position?: string; readonly invalid: boolean } {
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const value = fromHeader ?? (typeof query === 'string' ? query : undefined);
  if (value === undefined || value.trim() === '') {
    return { invalid: false };
  }
  const trimmed = value.trim();
  return POSITION.test(trimmed) ? { position: trimmed, invalid: false } : { invalid: true };
}
