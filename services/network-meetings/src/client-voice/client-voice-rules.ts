import type { ClientVoiceKind } from '@polku/contracts';
import type { RuleViolation } from '@polku/service-runtime';

export const MEETING_VIEW_NEEDS_MEETING = 'MEETING_VIEW_NEEDS_MEETING';
export const MEETING_NOT_OF_PATH = 'MEETING_NOT_OF_PATH';

/**
 * A view given in a meeting names that meeting, and a named meeting must be one of this path's
 * (`meetingFound`: whether the path has it).
 */
export function clientVoiceViolations(entry: {
  readonly kind: ClientVoiceKind;
  readonly meetingId: string | undefined;
  readonly meetingFound: boolean;
}): RuleViolation[] {
  if (entry.meetingId === undefined) {
    return entry.kind === 'MEETING_VIEW'
      ? [
          {
            rule: MEETING_VIEW_NEEDS_MEETING,
            field: 'meetingId',
            message: 'A view given in a meeting names the meeting: give meetingId.',
            legalSource: null,
          },
        ]
      : [];
  }
  return entry.meetingFound
    ? []
    : [
        {
          rule: MEETING_NOT_OF_PATH,
          field: 'meetingId',
          message: 'The path has no such meeting.',
          legalSource: null,
        },
      ];
}
