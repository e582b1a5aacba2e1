import { waitFor } from '@polku/testing';

/** One server-sent event as a client receives it. */
export interface ReceivedSseEvent {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** When it arrived (Date.now()). */
  readonly receivedAt: number;
}

/** An open event stream: what arrived so far, and a way to wait for more. */
export interface SseStream {
  readonly status: number;
  readonly headers: Headers;
  /** The body of an answer that is not a stream (a problem). */
  readonly problem: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly events: ReceivedSseEvent[];
  /** Comment lines (heartbeats), with when each arrived. */
  readonly comments: { readonly text: string; readonly receivedAt: number }[];
  /** Whether the server closed the stream. */
  ended(): boolean;
  /** Waits until the events received satisfy the predicate. */
  until(
    predicate: (events: readonly ReceivedSseEvent[]) => boolean,
    description: string,
    timeoutMs?: number,
  ): Promise<void>;
  close(): void;
}

/**
 * Opens a server-sent event stream with fetch and parses it as EventSource does (id, event,
 * data, comments; an empty line ends an event), for the system tests.
 */
export async function openSseStream(
  url: string,
  headers: Record<string, string>,
): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const events: ReceivedSseEvent[] = [];
  const comments: { text: string; receivedAt: number }[] = [];
  let ended = false;
  let problem: unknown = null;
  const isStream = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  if (!isStream) {
    const text = await response.text();
    problem = text ? JSON.parse(text) : null;
    ended = true;
  } else if (response.body !== null) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      let current: { id?: string; event?: string; data: string[] } = { data: [] };
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const line = buffer.slice(0, newline).replace(/\r$/, '');
            buffer = buffer.slice(newline + 1);
            if (line === '') {
              if (current.data.length > 0 || current.event !== undefined) {
                events.push({
                  id: current.id,
                  event: current.event ?? 'message',
                  data: current.data.length > 0 ? JSON.parse(current.data.join('\n')) : null,
                  receivedAt: Date.now(),
                });
              }
              current = { data: [] };
            } else if (line.startsWith(':')) {
              comments.push({ text: line.slice(1).trim(), receivedAt: Date.now() });
            } else {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'id') {
                current.id = value;
              } else if (field === 'event') {
                current.event = value;
              } else if (field === 'data') {
                current.data.push(value);
              }
            }
            newline = buffer.indexOf('\n');
          }
        }
      } catch {
        // Aborted by close(), or the connection broke: either way the stream has ended.
      }
      ended = true;
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    problem,
    events,
    comments,
    ended: () => ended,
    until: (predicate, description, timeoutMs = 20_000) =>
      waitFor(async () => (predicate(events) ? true : undefined), {
        timeoutMs,
        intervalMs: 20,
        description: () =>
          `${description}; received ${JSON.stringify(events.map((e) => [e.event, e.id]))}`,
      }).then(() => undefined),
    close: () => abort.abort(),
  };
}
