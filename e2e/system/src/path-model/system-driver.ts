import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { Answer, ApiCall } from '../support/gateway-client';
import { INTAKE_BODY } from '../support/seed-paths';
import { nth, type ModelPath, type RunModel } from './run-model';
import { PROVIDERS, type Actor, type OrgKey, type PathStep, type Step } from './steps';

// Runs the model's steps against the real system, through the gateway over HTTP, as caseworkers
// of the organisations with their own demo tokens. Every command on an existing resource sends
// If-Match with the version the actor has just read (the path's ETag from GET /paths/{id} for
// transitions' commands, the item's version from its list for referrals, consents and measures,
// the plan's ETag for a revision); a read refused to the actor leaves a stale or missing
// version, and the refusal is then the system's answer to record. Every call is recorded.

const org = DEMO_ORGANISATIONS;

/** The organisations' ids, by the name the steps use. */
export const ORG_IDS: Readonly<Record<OrgKey, string>> = {
  employmentArea: org.employmentArea.id,
  socialServices: org.socialServices.id,
  typ: org.typ.id,
  tyonsilta: org.tyonsilta.id,
  kumppaniksi: org.kumppaniksi.id,
  healthCentre: org.healthCentre.id,
};

/** One caseworker of each organisation (docs/auth.md, the demo users). */
export const CASEWORKERS: Readonly<Record<OrgKey, string>> = {
  employmentArea: 'tiina.tyollisyys',
  socialServices: 'sanna.sosiaalityo',
  typ: 'timo.typ',
  tyonsilta: 'ville.tyonsilta',
  kumppaniksi: 'kaisa.kumppaniksi',
  healthCentre: 'helena.terveysasema',
};

/**
 * Who a change of the responsible worker names: a caseworker or team lead of the acting
 * organisation (demo users, so the quiet checks can read the named worker's own work queue),
 * or a made-up worker id, which transitions accepts as well; never the current worker.
 */
function workerCandidates(as: OrgKey, current: string | undefined, number: number): string[] {
  return [
    ...DEMO_USERS.filter(
      (user) =>
        user.orgId === ORG_IDS[as] &&
        user.roles.some((role) => role === 'CASEWORKER' || role === 'TEAM_LEAD'),
    ).map((user) => user.userId),
    `usr_model_${number}`,
  ].filter((workerId) => workerId !== current);
}

export function orgKeyOf(orgId: string | undefined | null): OrgKey | undefined {
  return (Object.keys(ORG_IDS) as OrgKey[]).find((key) => ORG_IDS[key] === orgId);
}

const today = () => finnishDateOf(new Date());

/** The path as transitions answers it, as far as the driver reads it. */
interface PathRead {
  readonly etag: string;
  readonly accountableOrg?: OrgKey;
  readonly workerId?: string;
  readonly pendingHandoff?: { handoffId: string; receivingOrgId: string; proposedDate: string };
  readonly followUpIds: string[];
  readonly waitIds: string[];
}

export interface PathModelDriver {
  /** Runs one step (both halves of a concurrent one at once); never throws on an answer. */
  run(model: RunModel, step: Step, stepNumber: number): Promise<void>;
}

export function pathModelDriver(api: ApiCall): PathModelDriver {
  async function call(
    model: RunModel,
    context: { step: number; label: string; as: OrgKey },
    request: {
      method: 'GET' | 'POST' | 'PUT';
      url: string;
      body?: object;
      headers?: Record<string, string>;
    },
  ): Promise<Answer> {
    const user = CASEWORKERS[context.as];
    const answer = await api(request.method, request.url, user, request.body, request.headers);
    model.outcomes.push({
      step: context.step,
      call: `${request.method} ${context.label}`,
      as: user,
      status: answer.status,
      ...(answer.status >= 400 && typeof answer.body?.type === 'string'
        ? { problem: answer.body.type as string }
        : {}),
    });
    return answer;
  }

  /** Organisations that may see the path, best guess first: its referrers and receivers. */
  function candidates(path: ModelPath): OrgKey[] {
    return [
      ...new Set<OrgKey>([
        ...path.referrals.map((referral) => referral.from),
        ...path.referrals.map((referral) => referral.to),
        ...path.handoffReceivers,
      ]),
    ];
  }

  /** GET /paths/{id} as the first party that sees it: the path's ETag and what steps need. */
  async function readPath(model: RunModel, path: ModelPath, step: number): Promise<PathRead> {
    const label = `/paths/P${model.paths.indexOf(path)}`;
    for (const as of candidates(path)) {
      const answer = await call(
        model,
        { step, label, as },
        { method: 'GET', url: `/paths/${path.pathId}` },
      );
      if (answer.status === 200) {
        const body = answer.body as {
          accountable: { orgId: string; workerId: string } | null;
          pendingHandoff: PathRead['pendingHandoff'] | null;
          followUps: { followUpId: string }[];
          waits: { waitId: string }[];
        };
        return {
          etag: answer.headers.get('etag') ?? '"0"',
          accountableOrg: orgKeyOf(body.accountable?.orgId),
          workerId: body.accountable?.workerId,
          pendingHandoff: body.pendingHandoff ?? undefined,
          followUpIds: body.followUps.map((followUp) => followUp.followUpId),
          waitIds: body.waits.map((wait) => wait.waitId),
        };
      }
    }
    // Nobody sees it: the command goes with a version that cannot match, and the answer says why.
    return { etag: '"0"', followUpIds: [], waitIds: [] };
  }

  function resolveActor(actor: Actor, path: ModelPath, read: PathRead): OrgKey {
    const latest = path.referrals[path.referrals.length - 1];
    switch (actor) {
      case 'referrer':
        return path.referrals[0].from;
      case 'receiver':
        return latest.to;
      case 'accountable':
        return read.accountableOrg ?? path.referrals[0].from;
      case 'handoffReceiver':
        return (
          orgKeyOf(read.pendingHandoff?.receivingOrgId) ??
          path.handoffReceivers[path.handoffReceivers.length - 1] ??
          latest.to
        );
      case 'outsider':
        return 'healthCentre';
    }
  }

  /** The `version` of the list item with this id, as `as` reads the list; "1" if unread. */
  async function itemVersion(
    model: RunModel,
    context: { step: number; label: string; as: OrgKey },
    url: string,
    match: (item: Record<string, unknown>) => boolean,
  ): Promise<string> {
    const answer = await call(model, context, { method: 'GET', url: `${url}?limit=100` });
    const items = (answer.status === 200 ? answer.body.items : []) as Record<string, unknown>[];
    const item = items.find(match);
    return `"${typeof item?.version === 'number' ? item.version : 1}"`;
  }

  async function refer(model: RunModel, step: Extract<Step, { kind: 'refer' }>, number: number) {
    const answer = await call(
      model,
      { step: number, label: `/referrals (client ${step.client})`, as: step.by },
      {
        method: 'POST',
        url: '/referrals',
        body: {
          client: model.client(step.client),
          toOrgId: ORG_IDS[step.to],
          requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
          reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
          fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
          desiredStart: addCalendarDays(today(), 14),
          ...(step.withConsent
            ? {
                // Both providers, so that a hand-off between them is covered (docs/auth.md).
                consent: {
                  orgIds: PROVIDERS.map((provider) => ORG_IDS[provider]),
                  dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
                  howGiven: 'WRITTEN',
                  purpose: 'REFERRAL',
                },
              }
            : {}),
        },
      },
    );
    if (answer.status === 201) {
      const body = answer.body as { pathId: string; referralId: string; consentId?: string };
      model.referred({
        pathId: body.pathId,
        client: step.client,
        referral: { referralId: body.referralId, from: step.by, to: step.to },
        ...(typeof body.consentId === 'string' ? { consentId: body.consentId } : {}),
      });
      // Read your own writes (issue 16): whoever just referred can use the path in the very
      // next request, however far the projections lag.
      const path = model.paths.findIndex((known) => known.pathId === body.pathId);
      const read = await call(
        model,
        { step: number, label: `/paths/P${path}`, as: step.by },
        { method: 'GET', url: `/paths/${body.pathId}` },
      );
      if (read.status !== 200) {
        model.violations.push(
          `step ${number}: the referrer ${step.by} got ${read.status} on GET /paths/P${path} right after its referral answered 201`,
        );
      }
    }
  }

  async function onPath(model: RunModel, step: PathStep, number: number): Promise<void> {
    const path = model.path(step.path);
    if (path === undefined) {
      return;
    }
    const base = `/paths/${path.pathId}`;
    const label = `/paths/P${model.paths.indexOf(path)}`;
    const read = await readPath(model, path, number);
    const as = 'as' in step ? resolveActor(step.as, path, read) : path.referrals[0].to;
    const context = (suffix: string, who: OrgKey = as) => ({
      step: number,
      label: `${label}${suffix}`,
      as: who,
    });
    const onPathVersion = { 'if-match': read.etag };

    switch (step.kind) {
      case 'answerReferral': {
        const referral = nth(path.referrals, step.referral);
        if (referral === undefined) {
          return;
        }
        const receiver = referral.to;
        const version = await itemVersion(
          model,
          context('/referrals', receiver),
          `${base}/referrals`,
          (item) => item.referralId === referral.referralId,
        );
        await call(
          model,
          context(
            `/referrals/R${path.referrals.indexOf(referral)}/${step.answer === 'accept' ? 'acceptance' : 'decline'}`,
            receiver,
          ),
          {
            method: 'POST',
            url: `${base}/referrals/${referral.referralId}/${step.answer === 'accept' ? 'acceptance' : 'decline'}`,
            body:
              step.answer === 'accept'
                ? { expectedStart: addCalendarDays(today(), 14) }
                : { reasonCategory: 'NO_CAPACITY' },
            headers: { 'if-match': version },
          },
        );
        return;
      }
      case 'grantConsent': {
        const answer = await call(model, context('/consents'), {
          method: 'POST',
          url: `${base}/consents`,
          body: {
            orgIds: [ORG_IDS[step.forOrg]],
            dataClasses: step.wide ? ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'] : ['PATH'],
            howGiven: 'WRITTEN',
            purpose: 'CLIENT_WORK',
          },
        });
        if (answer.status === 201 && typeof answer.body?.consentId === 'string') {
          path.consentIds.push(answer.body.consentId as string);
        }
        return;
      }
      case 'withdrawConsent': {
        // The consents as the actor lists them (a referral's consent is known only so), with
        // their versions; withdrawn ones stay listed, and withdrawing one again is a step too.
        const listed = await call(model, context('/consents'), {
          method: 'GET',
          url: `${base}/consents?limit=100`,
        });
        const grants = (
          (listed.status === 200 ? listed.body.items : []) as {
            consentId: string;
            kind: string;
            version: number;
          }[]
        ).filter((item) => item.kind === 'GRANT');
        for (const grant of grants) {
          if (!path.consentIds.includes(grant.consentId)) {
            path.consentIds.push(grant.consentId);
          }
        }
        const consentId = nth(path.consentIds, step.consent);
        if (consentId === undefined) {
          return;
        }
        const version = grants.find((grant) => grant.consentId === consentId)?.version ?? 1;
        await call(model, context(`/consents/C${path.consentIds.indexOf(consentId)}/withdrawal`), {
          method: 'POST',
          url: `${base}/consents/${consentId}/withdrawal`,
          body: step.onClientRequest ? { onClientRequest: true } : {},
          headers: { 'if-match': `"${version}"` },
        });
        return;
      }
      case 'intake':
        await call(model, context('/intake'), {
          method: 'POST',
          url: `${base}/intake`,
          body: INTAKE_BODY,
        });
        return;
      case 'agreePlan':
        await call(model, context('/activation-plan'), {
          method: 'POST',
          url: `${base}/activation-plan`,
          body: planBody(path),
        });
        return;
      case 'revisePlan': {
        const current = await call(model, context('/activation-plan'), {
          method: 'GET',
          url: `${base}/activation-plan`,
        });
        const goals = (current.status === 200 ? current.body.goals : []) as {
          goalId: string;
          text: string;
        }[];
        await call(model, context('/activation-plan'), {
          method: 'PUT',
          url: `${base}/activation-plan`,
          body: {
            ...planBody(path),
            goals: [
              ...goals.map((goal) => ({ goalId: goal.goalId, text: goal.text })),
              { text: 'Selvitän velkatilanteen.' },
            ],
            reasonCategory: 'CLIENT_SITUATION_CHANGED',
          },
          headers: { 'if-match': current.headers.get('etag') ?? '"1"' },
        });
        return;
      }
      case 'startMeasure': {
        const answer = await call(model, context('/measures'), {
          method: 'POST',
          url: `${base}/measures`,
          body: {
            measureType: 'REHABILITATIVE_WORK_ACTIVITY',
            placement: { kind: 'IN_HOUSE' },
            schedule: {
              daysPerWeek: 3,
              hoursPerDay: 6,
              startDate: today(),
              plannedEndDate: addCalendarDays(today(), 182),
            },
          },
        });
        if (answer.status === 201 && typeof answer.body?.measureId === 'string') {
          path.measureIds.push(answer.body.measureId as string);
        }
        return;
      }
      case 'changeMeasure': {
        const measureId = nth(path.measureIds, step.measure);
        if (measureId === undefined) {
          return;
        }
        const version = await itemVersion(
          model,
          context('/measures'),
          `${base}/measures`,
          (item) => item.measureId === measureId,
        );
        await call(
          model,
          context(`/measures/M${path.measureIds.indexOf(measureId)}/${step.change}`),
          {
            method: 'POST',
            url: `${base}/measures/${measureId}/${step.change}`,
            ...(step.change === 'pause'
              ? { body: { reasonCategory: 'SICK_LEAVE' } }
              : step.change === 'end'
                ? { body: { endDate: today(), endReason: 'COMPLETED' } }
                : {}),
            headers: { 'if-match': version },
          },
        );
        return;
      }
      case 'proposeHandoff': {
        const answer = await call(model, context(`/hand-offs (to ${step.to})`), {
          method: 'POST',
          url: `${base}/hand-offs`,
          body: {
            destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
            receivingOrgId: ORG_IDS[step.to],
            proposedDate: addCalendarDays(today(), 30),
            rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
            proposedBy: 'WORKER',
          },
        });
        if (answer.status === 201) {
          path.handoffReceivers.push(step.to);
        }
        return;
      }
      case 'answerHandoff': {
        const handoff = read.pendingHandoff;
        if (handoff === undefined) {
          return;
        }
        const route = { accept: 'acceptance', decline: 'decline', complete: 'completion' }[
          step.answer
        ];
        await call(model, context(`/hand-offs/H/${route}`), {
          method: 'POST',
          url: `${base}/hand-offs/${handoff.handoffId}/${route}`,
          body:
            step.answer === 'accept'
              ? { startDate: handoff.proposedDate }
              : step.answer === 'decline'
                ? { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' }
                : {},
          headers: onPathVersion,
        });
        return;
      }
      case 'exit':
        await call(model, context(`/exit (${step.destination})`), {
          method: 'POST',
          url: `${base}/exit`,
          body: {
            destination:
              step.destination === 'OPEN_LABOUR_MARKET'
                ? { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' }
                : { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
            confirmed: step.confirmed,
            exitDate: today(),
          },
          headers: onPathVersion,
        });
        return;
      case 'completeFollowUp': {
        const followUpId = nth(read.followUpIds, step.followUp);
        if (followUpId === undefined) {
          return;
        }
        await call(
          model,
          context(`/follow-ups/F${read.followUpIds.indexOf(followUpId)}/completion`),
          {
            method: 'POST',
            url: `${base}/follow-ups/${followUpId}/completion`,
            body: {
              statusNow: 'SAME',
              contactMode: 'PHONE',
              helpGiven: ['NONE'],
              confirmsDestination: step.confirms,
            },
            headers: onPathVersion,
          },
        );
        return;
      }
      case 'close':
        await call(model, context('/closure'), {
          method: 'POST',
          url: `${base}/closure`,
          body: {},
          headers: onPathVersion,
        });
        return;
      case 'changeWorker':
        await call(model, context('/responsible-worker'), {
          method: 'POST',
          url: `${base}/responsible-worker`,
          body: {
            toWorkerId: nth(workerCandidates(as, read.workerId, number), number),
            reasonCategory: 'WORKLOAD',
          },
          headers: onPathVersion,
        });
        return;
      case 'startWait':
        await call(model, context('/waits'), {
          method: 'POST',
          url: `${base}/waits`,
          body: { waitingFor: 'DEBT_COUNSELLING' },
        });
        return;
      case 'endWait': {
        const waitId = nth(read.waitIds, step.wait);
        if (waitId === undefined) {
          return;
        }
        await call(model, context(`/waits/W${read.waitIds.indexOf(waitId)}/end`), {
          method: 'POST',
          url: `${base}/waits/${waitId}/end`,
          body: {},
          headers: onPathVersion,
        });
        return;
      }
    }
  }

  return {
    async run(model, step, number) {
      switch (step.kind) {
        case 'refer':
          return refer(model, step, number);
        case 'concurrently':
          await Promise.all(step.steps.map((half) => onPath(model, half, number)));
          return;
        default:
          return onPath(model, step, number);
      }
    },
  };
}

/** A plan naming the referrer and the latest receiver as its parties. */
function planBody(path: ModelPath) {
  const parties = [
    ...new Set([path.referrals[0].from, path.referrals[path.referrals.length - 1].to]),
  ];
  return {
    parties: parties.map((party) => ({ orgId: ORG_IDS[party] })),
    clientAgreed: true,
    linkedPlans: [],
    goals: [{ text: 'Käyn työtoiminnassa kolmena päivänä viikossa.' }],
  };
}
