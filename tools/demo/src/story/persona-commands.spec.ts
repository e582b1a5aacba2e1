import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { calendarDaysBetween } from '@polku/timers';
import { absorb } from '../driver/absorb';
import type { PathRuntime, PlanView } from '../driver/path-runtime';
import type { ApiRequest } from '../driver/request';
import { readBefore, requestOf } from '../driver/requests';
import { PERSONAS } from '../personas/catalogue';
import { storyDates } from '../simulation/calendar';
import { demoClient } from './client-story';
import type { Step } from './steps';
import { StoryModel } from './story-model';

// Every command a persona's story makes is built as the driver builds it and checked with the
// contract classes the gateway validates with (whitelist, no unknown fields), and the story's
// order with a small model of the path. No servers: the answers are made up here.

const REFERRAL_DAY = '2025-03-03';

function fakePlan(body: Record<string, unknown>): PlanView {
  const goals = body.goals as {
    goalId?: string;
    text: string;
    gasScale?: Record<string, string>;
  }[];
  return {
    reviewDate: '2025-09-03',
    parties: body.parties as { orgId: string }[],
    linkedPlans: (body.linkedPlans as { kind: string; reference: string }[]).map((linked) => ({
      heldByOrgId: null,
      ...linked,
    })),
    goals: goals.map((goal) => ({
      goalId: goal.goalId ?? randomUUID(),
      text: goal.text,
      gasScale: goal.gasScale ?? null,
    })),
  };
}

/** What the answers of the system would give the driver before and after each step. */
class FakeSystem {
  readonly path: PathRuntime = {};
  private plan: PlanView | undefined;
  private openItems = 0;

  before(step: Step): void {
    const read = readBefore(step);
    this.path.ifMatch = read === undefined ? undefined : '"3"';
    if (read === 'plan') {
      this.path.plan = this.plan;
    }
    if (read === 'action-item') {
      this.path.actionItemId = this.openItems > 0 ? randomUUID() : undefined;
    }
  }

  after(step: Step, request: ApiRequest): void {
    const body = request.body ?? {};
    const answers: Record<string, unknown> = {
      refer: {
        pathId:
          step.kind === 'refer' && !step.newPath && this.path.pathId
            ? this.path.pathId
            : randomUUID(),
        referralId: randomUUID(),
      },
      startMeasure: { measureId: randomUUID() },
      scheduleMeeting: { meetingId: randomUUID() },
      proposeHandoff: { pendingHandoff: { handoffId: randomUUID() } },
      startWait: { waits: [{ waitId: randomUUID() }] },
    };
    absorb(step, request, { status: 200, etag: '"1"', body: answers[step.kind] ?? {} }, this.path);
    if (step.kind === 'agreePlan' || step.kind === 'revisePlan') {
      this.plan = fakePlan(body);
    }
    if (step.kind === 'completeIntake') {
      this.openItems = step.situation.issues.length;
    }
    if (step.kind === 'resolveBasicNeed') {
      this.openItems -= 1;
    }
    if (step.kind === 'exit') {
      this.path.followUps = [1, 2, 3, 4].map((n) => ({
        followUpId: randomUUID(),
        dueDate: `2026-0${n}-01`,
      }));
    }
  }
}

function validationErrors(request: ApiRequest): string[] {
  if (request.bodyClass === undefined) {
    return request.body === undefined ? [] : ['a body for a command that takes none'];
  }
  const errors = validateSync(plainToInstance(request.bodyClass, request.body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.map(
    (error) => `${error.property}: ${JSON.stringify(error.constraints ?? error.children)}`,
  );
}

/** The legal schedule of rehabilitative work activity (docs/plans.md): 3–24 months, 1–4 days, ≥ 4 h. */
function scheduleProblems(request: ApiRequest): string[] {
  const body = request.body as
    | {
        measureType: string;
        schedule: {
          daysPerWeek: number;
          hoursPerDay: number;
          startDate: string;
          plannedEndDate: string;
        };
      }
    | undefined;
  if (body?.measureType !== 'REHABILITATIVE_WORK_ACTIVITY') {
    return [];
  }
  const { daysPerWeek, hoursPerDay, startDate, plannedEndDate } = body.schedule;
  const days = calendarDaysBetween(startDate, plannedEndDate);
  return [
    ...(days < 88 || days > 731 ? [`a period of ${days} days`] : []),
    ...(daysPerWeek < 1 || daysPerWeek > 4 ? [`${daysPerWeek} days a week`] : []),
    ...(hoursPerDay < 4 ? [`${hoursPerDay} hours a day`] : []),
  ];
}

describe('persona scripts', () => {
  const clients = Array.from({ length: 400 }, (_, index) => demoClient(11, index, REFERRAL_DAY));

  it('should give every persona clients', () => {
    const personas = new Set(clients.map((client) => client.persona.key));
    expect([...personas].sort()).toEqual(PERSONAS.map((persona) => persona.key).sort());
  });

  it('should make only commands the contracts accept, in an order a path allows', () => {
    const problems: string[] = [];
    for (const client of clients) {
      const system = new FakeSystem();
      const model = new StoryModel();
      let previousDay = 0;
      const dates = storyDates(client.story.steps, REFERRAL_DAY);
      for (const [index, step] of client.story.steps.entries()) {
        const where = `client ${client.index} (${client.persona.key}) ${step.kind} on day ${step.day}`;
        const refusal = model.refusal(step);
        if (refusal !== undefined) {
          problems.push(`${where}: ${refusal}`);
          break;
        }
        if (step.day < previousDay) {
          problems.push(`${where}: before the step ahead of it`);
        }
        previousDay = step.day;
        system.before(step);
        const on = dates[index];
        const request = requestOf(
          step,
          {
            on,
            now: new Date(`${on}T07:00:00Z`),
            realTime: false,
            person: client.person,
            client: client.index,
          },
          system.path,
        );
        model.apply(step);
        if (request === undefined) {
          continue;
        }
        problems.push(
          ...[...validationErrors(request), ...scheduleProblems(request)].map(
            (p) => `${where}: ${p}`,
          ),
        );
        system.after(step, request);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should name in the referral’s consent every organisation that acts on the path', () => {
    for (const client of clients) {
      let consent: readonly string[] = [];
      let referrer = '';
      for (const step of client.story.steps) {
        if (step.kind === 'refer') {
          consent = step.consentOrgs;
          referrer = step.org;
        } else if (step.org !== referrer) {
          expect(consent).toContain(step.org);
        }
      }
    }
  });
});
