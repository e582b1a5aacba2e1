import { findConsentInForce } from '@polku/path-access';
import type { EntityManager } from 'typeorm';
import {
  assertNoViolations,
  expertConsentViolations,
  type ExpertAttendance,
} from './meeting-rules';

/**
 * Refuses (422 EXPERT_CONSENT_MISSING, before anything is written) unless every experiential
 * expert's consent is one of this path's, names that organisation, has the purpose
 * EXPERT_PARTICIPATION and is in force at `at`, the meeting's time (docs/meetings.md).
 */
export async function assertExpertConsents(
  em: EntityManager,
  request: { pathId: string; experts: readonly ExpertAttendance[]; at: Date },
): Promise<void> {
  const covered = new Set<string>();
  for (const expert of request.experts) {
    if (expert.expertConsentRef === undefined) {
      continue;
    }
    const consent = await findConsentInForce(em, {
      pathId: request.pathId,
      consentId: expert.expertConsentRef,
      orgId: expert.orgId,
      purpose: 'EXPERT_PARTICIPATION',
      at: request.at,
    });
    if (consent !== undefined) {
      covered.add(expert.orgId);
    }
  }
  assertNoViolations(expertConsentViolations(request.experts, covered), 'meeting');
}
