import type { Step } from './steps';

/**
 * A small model of a path's course (docs/transitions.md, "Path states"), for the unit tests of
 * the persona scripts: it says why a step cannot come where a story puts it, so a script error
 * shows without running polku.
 */
export class StoryModel {
  private referral: 'none' | 'pending' | 'declined' | 'accepted' = 'none';
  private intake = false;
  private plan = false;
  private measure: 'none' | 'running' | 'paused' | 'ended' = 'none';
  private handoff: 'none' | 'proposed' | 'accepted' = 'none';
  private exit: 'none' | 'unclear' | 'exited' | 'closed' = 'none';
  private meeting = false;
  private waiting = false;
  private followUpsDone = 0;

  /** Why the step cannot come now, or undefined when it can. */
  refusal(step: Step): string | undefined {
    const open = this.exit === 'none' || this.exit === 'unclear';
    switch (step.kind) {
      case 'refer':
        return step.newPath
          ? this.exit === 'closed' || this.exit === 'exited'
            ? undefined
            : 'a return before the path ended'
          : this.referral === 'none' || this.referral === 'declined'
            ? undefined
            : 'a referral while one is pending or accepted';
      case 'acceptReferral':
      case 'declineReferral':
        return this.referral === 'pending' ? undefined : 'no referral waits for an answer';
      case 'completeIntake':
        return this.referral === 'accepted' && !this.intake ? undefined : 'intake out of place';
      case 'agreePlan':
        return this.intake && !this.plan ? undefined : 'a plan without intake, or a second plan';
      case 'startMeasure':
        return this.plan && open && this.measure !== 'running' && this.measure !== 'paused'
          ? undefined
          : 'a measure without a plan, or while one runs';
      case 'pauseMeasure':
        return this.measure === 'running' ? undefined : 'a pause of no running measure';
      case 'resumeMeasure':
        return this.measure === 'paused' ? undefined : 'a resume of no paused measure';
      case 'endMeasure':
        return this.measure === 'running' || this.measure === 'paused'
          ? undefined
          : 'the end of no measure';
      case 'proposeHandoff':
        return open && this.handoff === 'none' ? undefined : 'a hand-off out of place';
      case 'acceptHandoff':
      case 'declineHandoff':
        return this.handoff === 'proposed' ? undefined : 'no hand-off waits for an answer';
      case 'completeHandoff':
        return this.handoff === 'accepted' ? undefined : 'completing a hand-off not accepted';
      case 'exit':
        return open && this.measure !== 'running' && this.measure !== 'paused'
          ? undefined
          : 'an exit of a closed path or during a measure';
      case 'completeFollowUp':
        return this.exit === 'exited' ? undefined : 'a follow-up before an exit';
      case 'closePath':
        return this.exit === 'exited' && this.followUpsDone >= 3 ? undefined : 'closing too early';
      case 'reviewUnclearPath':
        return this.exit === 'unclear' ? undefined : 'a review of a path that is not unclear';
      case 'recordMeeting':
        return this.meeting ? undefined : 'recording a meeting never scheduled';
      case 'endWait':
        return this.waiting ? undefined : 'ending no wait';
      case 'revisePlan':
      case 'recordGoalProgress':
        return this.plan ? undefined : 'no plan yet';
      default:
        return this.referral === 'accepted' ? undefined : `${step.kind} before the acceptance`;
    }
  }

  apply(step: Step): void {
    switch (step.kind) {
      case 'refer':
        if (step.newPath) {
          Object.assign(this, new StoryModel());
        }
        this.referral = 'pending';
        return;
      case 'acceptReferral':
        this.referral = 'accepted';
        return;
      case 'declineReferral':
        this.referral = 'declined';
        return;
      case 'completeIntake':
        this.intake = true;
        return;
      case 'agreePlan':
        this.plan = true;
        return;
      case 'startMeasure':
        this.measure = 'running';
        return;
      case 'pauseMeasure':
        this.measure = 'paused';
        return;
      case 'resumeMeasure':
        this.measure = 'running';
        return;
      case 'endMeasure':
        this.measure = 'ended';
        return;
      case 'proposeHandoff':
        this.handoff = 'proposed';
        return;
      case 'acceptHandoff':
        this.handoff = 'accepted';
        return;
      case 'declineHandoff':
      case 'completeHandoff':
        this.handoff = 'none';
        return;
      case 'exit':
        this.exit = step.destination.category === 'UNCLEAR_PATH' ? 'unclear' : 'exited';
        return;
      case 'completeFollowUp':
        this.followUpsDone += 1;
        return;
      case 'closePath':
        this.exit = 'closed';
        return;
      case 'scheduleMeeting':
        this.meeting = true;
        return;
      case 'recordMeeting':
        this.meeting = false;
        return;
      case 'startWait':
        this.waiting = true;
        return;
      case 'endWait':
        this.waiting = false;
        return;
      default:
        return;
    }
  }
}
