import { CLIENT_VOICE_RECORDED_V1, MEASURE_PAUSED_V1 } from '@polku/contracts';
import { newEvent } from '@polku/testing';
import { timelineRowOf } from './timeline-projection';

describe('a timeline row of an event', () => {
  it('should carry the envelope’s facts, the payload and no client-voice choice when the event is not client voice', () => {
    const paused = newEvent(MEASURE_PAUSED_V1.subject);

    expect(timelineRowOf(paused)).toEqual({
      event_id: paused.id,
      path_id: paused.pathId,
      occurred_at: paused.occurredAt,
      event_type: 'MeasurePaused',
      subject: MEASURE_PAUSED_V1.subject,
      kind: 'PAUSE',
      data_class: 'HEALTH_FLAG',
      source_org_id: paused.emitter.orgId,
      source_org_role: paused.emitter.orgRole,
      summary: expect.stringMatching(/^The measure was paused/),
      data: paused.data,
      client_voice_visibility: null,
      client_voice_org_ids: null,
    });
  });

  it.each([
    ['the writer only', { visibility: 'WRITER_ORGANISATION', visibleToOrgIds: undefined }, []],
    [
      'named organisations',
      {
        visibility: 'NAMED_ORGANISATIONS',
        visibleToOrgIds: ['00000000-0000-4000-8000-00000000000a'],
      },
      ['00000000-0000-4000-8000-00000000000a'],
    ],
    ['the whole network', { visibility: 'WHOLE_NETWORK', visibleToOrgIds: undefined }, []],
  ] as const)(
    'should keep the client’s choice when client voice is for %s',
    (_label, choice, named) => {
      const voice = newEvent(CLIENT_VOICE_RECORDED_V1.subject, {
        data: { ...choice, visibleToOrgIds: choice.visibleToOrgIds && [...choice.visibleToOrgIds] },
      });

      expect(timelineRowOf(voice)).toMatchObject({
        kind: 'CLIENT_VOICE',
        data_class: 'CLIENT_VOICE',
        source_org_id: voice.emitter.orgId,
        client_voice_visibility: choice.visibility,
        client_voice_org_ids: named,
      });
    },
  );
});
