import {
  clientVoiceViolations,
  MEETING_NOT_OF_PATH,
  MEETING_VIEW_NEEDS_MEETING,
} from './client-voice-rules';

const MEETING = '00000000-0000-4000-8000-000000000001';

describe('client voice rules', () => {
  it('should refuse a meeting view when it names no meeting', () => {
    expect(
      clientVoiceViolations({ kind: 'MEETING_VIEW', meetingId: undefined, meetingFound: false }),
    ).toEqual([expect.objectContaining({ rule: MEETING_VIEW_NEEDS_MEETING, field: 'meetingId' })]);
  });

  it('should refuse a meeting that is not of the path when one is named', () => {
    expect(
      clientVoiceViolations({ kind: 'OWN_GOALS', meetingId: MEETING, meetingFound: false }),
    ).toEqual([expect.objectContaining({ rule: MEETING_NOT_OF_PATH })]);
  });

  it('should accept an entry when its meeting is of the path or it needs none', () => {
    expect(
      clientVoiceViolations({ kind: 'MEETING_VIEW', meetingId: MEETING, meetingFound: true }),
    ).toEqual([]);
    expect(
      clientVoiceViolations({ kind: 'DISAGREEMENT', meetingId: undefined, meetingFound: false }),
    ).toEqual([]);
  });
});
