import type { ExitDestination } from '@polku/contracts';
import { randomUUID } from 'node:crypto';
import { ORGS, PathStory } from './path-story';

/** Destinations of the unit tests. */
export const OPEN_LABOUR_MARKET = {
  group: 'LABOUR_MARKET',
  category: 'OPEN_LABOUR_MARKET',
} as const;
export const SUPPORTED = { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' } as const;
export const STUDIES = { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' } as const;
export const PENSION = { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION' } as const;
export const UNEMPLOYED = {
  group: 'OUTSIDE_LABOUR_MARKET',
  category: 'UNEMPLOYED_JOBSEEKER',
} as const;

/** A path referred on 5 January 2026 that exits on `exitDate` with follow-ups at 1, 3, 6 months. */
export interface ExitStory {
  readonly story: PathStory;
  /** The follow-up ids by months after the exit. */
  readonly followUps: Readonly<Record<1 | 3 | 6, string>>;
}

/** The client referred, then exited to `destination`; the exit's follow-ups scheduled. */
export function exitStory(
  destination: ExitDestination | typeof OPEN_LABOUR_MARKET,
  exitDate = '2026-03-31',
): ExitStory {
  const story = new PathStory('2026-01-05');
  story.add(
    'polku.intake.referral.client-referred.v1',
    { fromOrgId: ORGS.authority, toOrgId: ORGS.provider },
    ORGS.authority,
  );
  const followUps = { 1: randomUUID(), 3: randomUUID(), 6: randomUUID() };
  story.on(exitDate).add('polku.transitions.path.client-exited.v1', {
    destination: destination as ExitDestination,
    exitDate,
  });
  story.add(
    'polku.transitions.follow-up.follow-up-scheduled.v1',
    {
      ownerOrgId: ORGS.provider,
      followUps: [
        { followUpId: followUps[1], dueDate: '2026-04-30' },
        { followUpId: followUps[3], dueDate: '2026-06-30' },
        { followUpId: followUps[6], dueDate: '2026-09-30' },
      ],
    },
    'SYSTEM',
  );
  return { story, followUps };
}

/** The follow-up recorded on the day `on`: where the client is now. */
export function completeFollowUp(
  story: PathStory,
  followUpId: string,
  statusNow: 'SAME' | 'CHANGED' | 'BACK_IN_VTM' | 'UNKNOWN',
  on: string,
  destination?: ExitDestination | typeof OPEN_LABOUR_MARKET,
): void {
  story.on(on).add('polku.transitions.follow-up.follow-up-completed.v1', {
    followUpId,
    statusNow,
    destination: destination as ExitDestination | undefined,
    confirmsDestination: statusNow !== 'UNKNOWN',
  });
}

/** The follow-up missed: escalated to the owner's manager. */
export function missFollowUp(story: PathStory, followUpId: string, dueDate: string, on: string) {
  story
    .on(on)
    .add(
      'polku.transitions.follow-up.follow-up-missed.v1',
      { followUpId, dueDate, ownerOrgId: ORGS.provider },
      'SYSTEM',
    );
}
