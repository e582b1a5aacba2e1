/** The live timeline of one path, as a browser's EventSource reads it: real HTTP, one stream. */
export interface TimelineSubscriber {
  readonly pathId: string;
  /** Event id of every entry received → when it arrived (ms since the epoch, sub-ms). */
  readonly arrivals: Map<string, number>;
  /** Event ids received more than once → how many times more. */
  readonly duplicates: ReadonlyMap<string, number>;
  /** A few duplicates as `eventId: first id → again id` (SSE ids), to tell resends apart. */
  readonly duplicateSamples: readonly string[];
  /** Frames other than `entry` (e.g. a reset), by event name. */
  readonly otherFrames: Record<string, number>;
  /** Set when the stream failed or ended before close(). */
  readonly failure: string | undefined;
  close(): void;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Opens GET /api/v1/paths/{pathId}/timeline/live with a bearer token and resolves once the
 * gateway answered 200 with an event stream. Entries (`event: entry`, `data:` a
 * TimelineEntryView) are stamped with their arrival time as soon as their frame is complete.
 */
export async function openTimelineSubscriber(
  baseUrl: string,
  token: string,
  pathId: string,
): Promise<TimelineSubscriber> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/paths/${pathId}/timeline/live`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    const text = await response.text().catch(() => '');
    throw new Error(
      `live timeline of ${pathId} answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  const state = {
    pathId,
    arrivals: new Map<string, number>(),
    duplicates: new Map<string, number>(),
    duplicateSamples: [] as string[],
    ids: new Map<string, string>(),
    otherFrames: {} as Record<string, number>,
    failure: undefined as string | undefined,
    closed: false,
  };
  const frame = (raw: string, arrivedAt: number) => {
    let event = 'message';
    let id = '';
    const data: string[] = [];
    for (const line of raw.split('\n')) {
      if (line.startsWith('id:')) {
        id = line.slice(3).trim();
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
    if (data.length === 0) {
      return; // a comment (heartbeat) or an id-only frame
    }
    if (event !== 'entry') {
      state.otherFrames[event] = (state.otherFrames[event] ?? 0) + 1;
      return;
    }
    const entry = JSON.parse(data.join('\n')) as { eventId: string };
    if (state.arrivals.has(entry.eventId)) {
      state.duplicates.set(entry.eventId, (state.duplicates.get(entry.eventId) ?? 0) + 1);
      if (state.duplicateSamples.length < 5) {
        state.duplicateSamples.push(
          `${entry.eventId}: ${state.ids.get(entry.eventId)} → ${id} ` +
            `${(arrivedAt - (state.arrivals.get(entry.eventId) ?? arrivedAt)).toFixed(0)} ms later`,
        );
      }
    } else {
      state.arrivals.set(entry.eventId, arrivedAt);
      state.ids.set(entry.eventId, id);
    }
  };
  const read = async (body: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of body) {
        const arrivedAt = now();
        buffered += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
          frame(buffered.slice(0, end), arrivedAt);
          buffered = buffered.slice(end + 2);
        }
      }
      if (!state.closed) {
        state.failure = 'the gateway ended the stream';
      }
    } catch (error) {
      if (!state.closed) {
        state.failure = error instanceof Error ? error.message : String(error);
      }
    }
  };
  void read(response.body);
  return {
    pathId,
    arrivals: state.arrivals,
    duplicates: state.duplicates,
    duplicateSamples: state.duplicateSamples,
    get otherFrames() {
      return state.otherFrames;
    },
    get failure() {
      return state.failure;
    },
    close() {
      state.closed = true;
      abort.abort();
    },
  };
}
