import { CLIENT_VOICE_RECORDED_V1, GOAL_SET_V1, MEASURE_PAUSED_V1 } from '@polku/contracts';
import { newEvent, waitFor } from '@polku/testing';
import { Client } from 'pg';
import { projectTimeline, TIMELINE_APPENDED_CHANNEL } from '../src/timeline/timeline-projection';
import { startTimelineService, type TimelineService } from './support/timeline-service';

describe('the timeline projection', () => {
  let service: TimelineService;
  let listener: Client;
  const notices: { pathId: string; position: string }[] = [];

  beforeAll(async () => {
    service = await startTimelineService();
    const options = service.dataSource.options as { url?: string; database?: string };
    const url = new URL(options.url ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${String(options.database ?? url.pathname.slice(1))}`;
    listener = new Client({ connectionString: url.toString() });
    await listener.connect();
    listener.on('notification', (message) => {
      notices.push(JSON.parse(message.payload ?? '{}') as { pathId: string; position: string });
    });
    await listener.query(`LISTEN ${TIMELINE_APPENDED_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await service?.close();
  });

  it('should write each event once and notify each path’s highest new position when committed', async () => {
    const paused = newEvent(MEASURE_PAUSED_V1.subject);
    const goal = newEvent(GOAL_SET_V1.subject, { pathId: paused.pathId });
    const other = newEvent(CLIENT_VOICE_RECORDED_V1.subject);

    await service.dataSource.transaction((em) => projectTimeline(em, [paused, goal, other]));
    await service.dataSource.transaction((em) => projectTimeline(em, [goal, paused]));

    const rows = await service.dataSource.query<
      { path_id: string; position: string; event_id: string; kind: string }[]
    >(
      `SELECT path_id, position::text AS position, event_id, kind FROM timeline_entry
        WHERE path_id = ANY($1) ORDER BY position`,
      [[paused.pathId, other.pathId]],
    );
    expect(rows.map((row) => [row.event_id, row.kind])).toEqual([
      [paused.id, 'PAUSE'],
      [goal.id, 'GOAL'],
      [other.id, 'CLIENT_VOICE'],
    ]);
    await waitFor(async () => (notices.length >= 2 ? true : undefined), {
      description: 'two timeline notices',
    });
    expect(notices).toEqual(
      expect.arrayContaining([
        { pathId: paused.pathId, position: rows[1].position },
        { pathId: other.pathId, position: rows[2].position },
      ]),
    );
    // The second, empty, transaction wrote nothing and told nobody.
    expect(notices.filter((notice) => notice.pathId === paused.pathId)).toHaveLength(1);
  });

  it('should keep the client’s choice of who sees client voice when it is recorded', async () => {
    const named = newEvent(CLIENT_VOICE_RECORDED_V1.subject);

    await service.dataSource.transaction((em) => projectTimeline(em, [named]));

    const [row] = await service.dataSource.query<
      { client_voice_visibility: string; client_voice_org_ids: string[]; source_org_id: string }[]
    >(
      `SELECT client_voice_visibility, client_voice_org_ids::text[] AS client_voice_org_ids,
              source_org_id FROM timeline_entry WHERE event_id = $1`,
      [named.id],
    );
    expect(row).toEqual({
      client_voice_visibility: named.data.visibility,
      client_voice_org_ids: named.data.visibleToOrgIds,
      source_org_id: named.emitter.orgId,
    });
  });
});
