import { DEMO_ORGANISATIONS } from '@polku/demo';
import {
  birthDateIdentityCode,
  uniqueIdentityCode,
  type FixtureWorld,
  type OperationFixture,
} from './openapi-operation-fixtures';
import { dashboardOperations } from './openapi-dashboard-operations';
import { meetingOperations } from './openapi-meeting-operations';
import { timelineOperations } from './openapi-timeline-operations';
import { workQueueOperations } from './openapi-work-queue-operations';

const org = DEMO_ORGANISATIONS;

/** A path in intake with Työnsilta accountable, and the path's ETag: for its commands. */
async function pathInIntake(w: FixtureWorld) {
  const pathId = await w.inIntake();
  return { params: { pathId }, ifMatch: await w.pathEtag(pathId) };
}

/** A hand-off from Työnsilta to Kumppaniksi waiting for its answer, and the path's ETag. */
async function handoffToKumppaniksi(w: FixtureWorld) {
  const pathId = await w.inIntake({ alsoFor: [org.kumppaniksi.id] });
  const handoffId = await w.withHandoff(pathId);
  return {
    params: { pathId, handoffId },
    ifMatch: await w.pathEtag(pathId, 'kaisa.kumppaniksi'),
  };
}

/**
 * Every operation of docs/openapi.json, by `METHOD /route` as the document writes it: who calls
 * it and the state it needs. The body, the query and the headers other than If-Match come from
 * the document alone (openapi-requests.e2e-spec.ts). A new operation without an entry here fails
 * that test: add one with the user allowed to call it and, where it needs one, a `prepare` that
 * brings a path into a state where the operation makes sense.
 */
export const OPERATION_FIXTURES: Readonly<Record<string, OperationFixture>> = {
  'GET /health': { as: 'ville.tyonsilta' },
  'GET /health/live': { as: 'ville.tyonsilta' },
  'GET /api/v1/system-health': { as: 'rea.rekisteri' },
  'GET /api/v1/tasks': { as: 'tiina.tyollisyys' },
  'GET /api/v1/lost-paths': { as: 'mikko.tyonsilta' },
  'GET /api/v1/organisations': { as: 'ville.tyonsilta' },
  'PUT /api/v1/organisations/{orgId}': {
    as: 'rea.rekisteri',
    // "0": the organisation does not exist yet (docs/auth.md, the registry).
    prepare: async () => ({ params: { orgId: crypto.randomUUID() }, ifMatch: '"0"' }),
  },
  'POST /api/v1/organisations/{orgId}/funding-ending': {
    as: 'mikko.tyonsilta',
    prepare: async () => ({ params: { orgId: org.tyonsilta.id } }),
  },

  'POST /api/v1/referrals': {
    as: 'tiina.tyollisyys',
    prepare: async () => ({ references: { toOrgId: org.tyonsilta.id } }),
  },
  'POST /api/v1/paths/{pathId}/client/identity-code': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const { pathId, ifMatch } = await w.unverifiedClientPath();
      return {
        params: { pathId },
        ifMatch,
        // The code must be the client's own: its birth date is the referral's.
        references: { personalIdentityCode: birthDateIdentityCode('140388') },
      };
    },
  },
  'POST /api/v1/paths/{pathId}/client/links': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const { pathId, ifMatch, duplicateRef } = await w.withPossibleDuplicate();
      return { params: { pathId }, ifMatch, references: { duplicateRef } };
    },
  },
  'POST /api/v1/paths/{pathId}/client/links/{linkId}/removal': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const { pathId, ifMatch, duplicateRef } = await w.withPossibleDuplicate();
      const linked = (await w.expectStatus(
        w.api(
          'POST',
          `/paths/${pathId}/client/links`,
          'tiina.tyollisyys',
          { duplicateRef },
          { 'if-match': ifMatch },
        ),
        201,
        'the link',
      )) as { linkId: string; version: number };
      return { params: { pathId, linkId: linked.linkId }, ifMatch: `"${linked.version}"` };
    },
  },
  'GET /api/v1/paths/{pathId}/referrals': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: (await w.pendingReferral()).pathId } }),
  },
  'GET /api/v1/paths/{pathId}/referrals/{referralId}/prior-information': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({
      params: await w.pendingReferral({
        extra: { priorInformation: { summary: 'Mornings are hard; start at ten.' } },
      }),
    }),
  },
  'POST /api/v1/paths/{pathId}/referrals/{referralId}/acceptance': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: await w.pendingReferral(), ifMatch: '"1"' }),
  },
  'POST /api/v1/paths/{pathId}/referrals/{referralId}/decline': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: await w.pendingReferral(), ifMatch: '"1"' }),
  },
  'POST /api/v1/paths/{pathId}/referral-links': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      // A second referral of a client whose open path the employment area owns is held on a
      // path of its own; the owner links it to the open path (referral-link.e2e-spec.ts).
      const identityCode = uniqueIdentityCode();
      const open = await w.pendingReferral({ identityCode });
      const held = await w.pendingReferral({
        identityCode,
        as: 'sanna.sosiaalityo',
        toOrgId: org.kumppaniksi.id,
      });
      return { params: { pathId: open.pathId }, references: { referralId: held.referralId } };
    },
  },
  'GET /api/v1/paths/{pathId}/client': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'GET /api/v1/paths/{pathId}/parties': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'GET /api/v1/paths/{pathId}/consents': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'POST /api/v1/paths/{pathId}/consents': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => ({
      params: { pathId: await w.inIntake() },
      references: { 'orgIds.0': org.tyonsilta.id },
    }),
  },
  'POST /api/v1/paths/{pathId}/consents/{consentId}/withdrawal': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      const consents = await w.api('GET', `/paths/${pathId}/consents`, 'tiina.tyollisyys');
      const [consent] = consents.body.items as { consentId: string; version: number }[];
      return { params: { pathId, consentId: consent.consentId }, ifMatch: `"${consent.version}"` };
    },
  },

  'GET /api/v1/paths/{pathId}': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'GET /api/v1/paths/{pathId}/audit-trail': {
    // The owner's: the organisation that referred the client (docs/auth.md).
    as: 'tiina.tyollisyys',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'POST /api/v1/paths/{pathId}/intake': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'GET /api/v1/paths/{pathId}/intake': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.withIntake(await w.inIntake()) } }),
  },
  'POST /api/v1/paths/{pathId}/parallel-services': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.withIntake(await w.inIntake()) } }),
  },
  'POST /api/v1/paths/{pathId}/action-items/{actionItemId}/resolution': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake(), { housingOpen: true });
      const intake = await w.api('GET', `/paths/${pathId}/intake`, 'ville.tyonsilta');
      const [item] = intake.body.actionItems as { actionItemId: string; version: number }[];
      return {
        params: { pathId, actionItemId: item.actionItemId },
        ifMatch: `"${item.version}"`,
      };
    },
  },

  'POST /api/v1/paths/{pathId}/activation-plan': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({
      params: { pathId: await w.withIntake(await w.inIntake()) },
      references: { 'parties.0.orgId': org.tyonsilta.id },
    }),
  },
  'GET /api/v1/paths/{pathId}/timeline/live': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'GET /api/v1/paths/{pathId}/meetings/{meetingId}/view': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      const meetingId = await w.meetingNow(pathId, [org.employmentArea.id, org.tyonsilta.id]);
      return { params: { pathId, meetingId } };
    },
  },
  'GET /api/v1/paths/{pathId}/meetings/{meetingId}/live': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      const meetingId = await w.meetingNow(pathId, [org.employmentArea.id, org.tyonsilta.id]);
      return { params: { pathId, meetingId } };
    },
  },
  'GET /api/v1/paths/{pathId}/activation-plan': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      return { params: { pathId } };
    },
  },
  'PUT /api/v1/paths/{pathId}/activation-plan': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      return {
        params: { pathId },
        ifMatch: '"1"',
        references: { 'parties.0.orgId': org.tyonsilta.id },
      };
    },
  },
  'GET /api/v1/paths/{pathId}/activation-plan/history': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      return { params: { pathId } };
    },
  },
  'POST /api/v1/paths/{pathId}/activation-plan/goals/{goalId}/progress': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      return { params: { pathId, goalId: await w.withPlan(pathId) } };
    },
  },
  'GET /api/v1/paths/{pathId}/measures': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'POST /api/v1/paths/{pathId}/measures': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      return { params: { pathId } };
    },
  },
  ...measureOperations(),
  ...meetingOperations(),
  ...timelineOperations(),
  ...workQueueOperations(),
  ...dashboardOperations(),
  'GET /api/v1/paths/{pathId}/statements': {
    as: 'tiina.tyollisyys',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'POST /api/v1/paths/{pathId}/statements': {
    as: 'tiina.tyollisyys',
    // A statement is of the plan's measure: the path needs an agreed plan.
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      return { params: { pathId } };
    },
  },
  'POST /api/v1/paths/{pathId}/statements/{statementId}/issue': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.withIntake(await w.inIntake());
      await w.withPlan(pathId);
      const requested = await w.expectStatus(
        w.api('POST', `/paths/${pathId}/statements`, 'tiina.tyollisyys', { kind: 'STATEMENT' }),
        201,
        'the statement request',
      );
      return { params: { pathId, statementId: requested.statementId as string }, ifMatch: '"1"' };
    },
  },

  'POST /api/v1/paths/{pathId}/hand-offs': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({
      params: { pathId: await w.inIntake({ alsoFor: [org.kumppaniksi.id] }) },
      references: { receivingOrgId: org.kumppaniksi.id },
    }),
  },
  'POST /api/v1/paths/{pathId}/hand-offs/{handoffId}/acceptance': {
    as: 'kaisa.kumppaniksi',
    prepare: handoffToKumppaniksi,
  },
  'POST /api/v1/paths/{pathId}/hand-offs/{handoffId}/decline': {
    as: 'kaisa.kumppaniksi',
    prepare: handoffToKumppaniksi,
  },
  'POST /api/v1/paths/{pathId}/hand-offs/{handoffId}/completion': {
    as: 'kaisa.kumppaniksi',
    prepare: async (w) => {
      const {
        params: { pathId, handoffId },
        ifMatch,
      } = await handoffToKumppaniksi(w);
      await w.expectStatus(
        w.api(
          'POST',
          `/paths/${pathId}/hand-offs/${handoffId}/acceptance`,
          'kaisa.kumppaniksi',
          { startDate: w.today() },
          { 'if-match': ifMatch },
        ),
        200,
        'the acceptance',
      );
      return {
        params: { pathId, handoffId },
        ifMatch: await w.pathEtag(pathId, 'kaisa.kumppaniksi'),
      };
    },
  },
  'POST /api/v1/paths/{pathId}/responsible-worker': {
    as: 'ville.tyonsilta',
    prepare: pathInIntake,
  },
  'POST /api/v1/paths/{pathId}/waits': {
    as: 'ville.tyonsilta',
    prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
  },
  'POST /api/v1/paths/{pathId}/waits/{waitId}/end': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      const started = await w.expectStatus(
        w.api('POST', `/paths/${pathId}/waits`, 'ville.tyonsilta', {
          waitingFor: 'HEALTH_CARE_ASSESSMENT',
        }),
        201,
        'the wait',
      );
      return {
        params: { pathId, waitId: (started.waits as { waitId: string }[])[0].waitId },
        ifMatch: await w.pathEtag(pathId),
      };
    },
  },
  'POST /api/v1/paths/{pathId}/exit': { as: 'ville.tyonsilta', prepare: pathInIntake },
  'POST /api/v1/paths/{pathId}/follow-ups/{followUpId}/completion': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      const [followUpId] = await w.exited(pathId);
      return { params: { pathId, followUpId }, ifMatch: await w.pathEtag(pathId) };
    },
  },
  'POST /api/v1/paths/{pathId}/follow-ups/re-home': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      await w.exited(pathId);
      return {
        params: { pathId },
        ifMatch: await w.pathEtag(pathId),
        // The employment authority takes the follow-ups over from the provider.
        references: { toOrgId: org.employmentArea.id },
      };
    },
  },
  'POST /api/v1/paths/{pathId}/closure': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      // A path closes once every follow-up of its exit is done.
      for (const followUpId of await w.exited(pathId)) {
        await w.expectStatus(
          w.api(
            'POST',
            `/paths/${pathId}/follow-ups/${followUpId}/completion`,
            'ville.tyonsilta',
            {
              statusNow: 'SAME',
              contactMode: 'PHONE',
              helpGiven: ['NONE'],
              confirmsDestination: true,
            },
            { 'if-match': await w.pathEtag(pathId) },
          ),
          200,
          'a follow-up',
        );
      }
      return { params: { pathId }, ifMatch: await w.pathEtag(pathId) };
    },
  },
  'POST /api/v1/paths/{pathId}/unclear-path-review': {
    as: 'ville.tyonsilta',
    prepare: async (w) => {
      const pathId = await w.inIntake();
      await w.exited(pathId, { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' });
      return {
        params: { pathId },
        ifMatch: await w.pathEtag(pathId, 'ville.tyonsilta', 'UNCLEAR_PATH'),
      };
    },
  },
};

/** The operations on one measure: each on a measure started today. */
function measureOperations(): Record<string, OperationFixture> {
  const onMeasure = async (w: FixtureWorld) => {
    const pathId = await w.withIntake(await w.inIntake());
    await w.withPlan(pathId);
    return { pathId, measureId: await w.withMeasure(pathId) };
  };
  return {
    'POST /api/v1/paths/{pathId}/measures/{measureId}/attendance': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: await onMeasure(w) }),
    },
    'POST /api/v1/paths/{pathId}/measures/{measureId}/absences': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: await onMeasure(w) }),
    },
    'POST /api/v1/paths/{pathId}/measures/{measureId}/pause': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: await onMeasure(w), ifMatch: '"1"' }),
    },
    'POST /api/v1/paths/{pathId}/measures/{measureId}/resume': {
      as: 'ville.tyonsilta',
      prepare: async (w) => {
        const params = await onMeasure(w);
        await w.expectStatus(
          w.api(
            'POST',
            `/paths/${params.pathId}/measures/${params.measureId}/pause`,
            'ville.tyonsilta',
            { reasonCategory: 'HEALTH_CARE_MEASURE' },
            { 'if-match': '"1"' },
          ),
          200,
          'the pause',
        );
        return { params, ifMatch: '"2"' };
      },
    },
    'POST /api/v1/paths/{pathId}/measures/{measureId}/end': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: await onMeasure(w), ifMatch: '"1"' }),
    },
  };
}
