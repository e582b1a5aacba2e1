import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { gatewayClient } from './support/gateway-client';
import { IDENTITY_CODE_IN_TEXT } from './support/identity-code-pattern';
import { liveWorld, ofType } from './support/live-world';
import { publishMeetingScheduled } from './support/published-meetings';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 17 item 6: one view of a meeting for the shared screen, and its live stream, holding
// only what every organisation present may see (docs/meetings.md, "Meeting mode").
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'transitions',
  'activation-plans',
  'network-meetings',
] as const;

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const { whenStatus, live, closeAll, pathWithGoal, recordProgress } = liveWorld({
  api,
  tokenOf,
  baseUrl: () => system.baseUrl,
  clientFamilyName: 'Kokous',
});

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, { LIVE_HEARTBEAT_SECONDS: '1' });
}, 180_000);

afterEach(() => closeAll());

afterAll(async () => {
  await system?.stop();
});

/** A meeting of the path going on now, once network-meetings has it on the timeline. */
async function scheduledMeeting(pathId: string, invitees: readonly string[]): Promise<string> {
  const meetingId = await publishMeetingScheduled(system.env, pathId, invitees);
  await whenStatus(`/paths/${pathId}/meetings/${meetingId}/view`, 'tiina.tyollisyys', 200);
  return meetingId;
}

describe('meeting mode', () => {
  it('should show the plan when every organisation present may see PLAN and hide it when one may not', async () => {
    const { pathId, goalId } = await pathWithGoal();
    await recordProgress(pathId, goalId, 1);
    const timeline = await live(`/paths/${pathId}/timeline/live`, 'tiina.tyollisyys', '0');
    await timeline.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 1,
      'the progress on the timeline',
    );
    const covered = await scheduledMeeting(pathId, [org.employmentArea.id, org.tyonsilta.id]);
    const shown = await api('GET', `/paths/${pathId}/meetings/${covered}/view`, 'tiina.tyollisyys');
    expect(shown.status).toBe(200);
    expect(shown.body.withheld).toEqual([]);
    expect(shown.body.plan.goals).toEqual([expect.objectContaining({ goalId, gasLevel: 1 })]);
    expect(shown.body.presentOrgIds).toEqual([org.employmentArea.id, org.tyonsilta.id]);

    // Kumppaniksi is named in no consent of this path: nothing of PLAN for the shared screen.
    const uncovered = await scheduledMeeting(pathId, [
      org.employmentArea.id,
      org.tyonsilta.id,
      org.kumppaniksi.id,
    ]);
    const hidden = await api(
      'GET',
      `/paths/${pathId}/meetings/${uncovered}/view`,
      'tiina.tyollisyys',
    );
    expect(hidden.status).toBe(200);
    expect(hidden.body.withheld).toContain('PLAN');
    expect(hidden.body).not.toHaveProperty('plan');
    expect(hidden.body).not.toHaveProperty('openActionItems');
    expect(JSON.stringify(hidden.body)).not.toContain('Käyn työtoiminnassa');
    expect(
      (hidden.body.latestEntries as { dataClass: string }[]).some(
        (entry) => entry.dataClass === 'PLAN',
      ),
    ).toBe(false);
    expect(JSON.stringify(hidden.body)).not.toMatch(IDENTITY_CODE_IN_TEXT);
  });

  it('should stream only entries every invitee may see when the meeting view is live', async () => {
    const { pathId, goalId } = await pathWithGoal();
    const covered = await scheduledMeeting(pathId, [org.employmentArea.id, org.tyonsilta.id]);
    const uncovered = await scheduledMeeting(pathId, [org.employmentArea.id, org.kumppaniksi.id]);
    const view = await api('GET', `/paths/${pathId}/meetings/${covered}/view`, 'tiina.tyollisyys');
    const sharedScreen = await live(
      `/paths/${pathId}/meetings/${covered}/live`,
      'tiina.tyollisyys',
      view.body.position,
    );
    const narrowScreen = await live(
      `/paths/${pathId}/meetings/${uncovered}/live`,
      'tiina.tyollisyys',
      view.body.position,
    );
    expect([sharedScreen.status, narrowScreen.status]).toEqual([200, 200]);
    await recordProgress(pathId, goalId, 2);
    await sharedScreen.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 1,
      'the PLAN entry on the screen everyone present may see it on',
    );
    // The narrow screen's heartbeat catch-up has run by the time two heartbeats arrived.
    const beats = narrowScreen.comments.length;
    await waitFor(() => (narrowScreen.comments.length >= beats + 2 ? true : undefined), {
      timeoutMs: 10_000,
      description: 'two more heartbeats',
    });
    expect(ofType(narrowScreen.events, 'GoalProgressRecorded')).toEqual([]);
  });
});
