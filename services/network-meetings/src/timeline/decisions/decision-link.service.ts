import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  MEETING_DECISION_CARRIED_OUT_V1,
  type DecisionCarryingEventType,
  type DecisionOwningService,
  type NetworkMeetingHeldPayload,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import {
  callerEnvelope,
  checkPathAccess,
  clientRefOfPath,
  readPathAccessFacts,
} from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError, NotFoundError, RuleViolationError } from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import { meetingHeldEntry, meetingIsOnPath, timelineEntryOfEvent } from '../timeline.repository';
import { decisionIsLinked } from './decision-link.repository';
import { visibilityOfRow } from '../timeline-views';
import { timelineViewerOf, viewerMaySee } from '../timeline-visibility';
import { decideDecisionLink, type DecisionLinkProblem } from './decision-link-rules';

/** What a recorded link answers. */
export interface DecisionLinkView {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly eventId: string;
  readonly eventType: DecisionCarryingEventType;
  readonly service: DecisionOwningService;
  readonly linkedAt: string;
}

function problemError(problem: DecisionLinkProblem): Error {
  return problem.status === 409
    ? new CommandConflictError(problem.message, { rule: problem.rule })
    : new RuleViolationError(problem.message, [
        { rule: problem.rule, field: 'eventId', message: problem.message, legalSource: null },
      ]);
}

/**
 * Records, once per decision, that a held meeting's decision was carried out by an event. A
 * meeting the path's timeline does not know is a 404, as for an object of another path.
 */
@Injectable()
export class DecisionLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async link(
    principal: Principal,
    request: { pathId: string; meetingId: string; decisionId: string; eventId: string },
  ): Promise<DecisionLinkView> {
    const { pathId, meetingId, decisionId, eventId } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      // A meeting of another path is no business of this one: answered as if it did not exist.
      if (!(await meetingIsOnPath(em, { pathId, meetingId }))) {
        throw new NotFoundError('no such meeting on this path');
      }
      const decided = decideDecisionLink({
        decisionId,
        callerOrgId: principal.orgId,
        held: (await meetingHeldEntry(em, { pathId, meetingId }))?.data as
          NetworkMeetingHeldPayload | undefined,
        alreadyLinked: await decisionIsLinked(em, decisionId),
        carryingEventType: await this.carryingEventType(em, principal, { pathId, eventId }),
      });
      if (!decided.ok) {
        throw problemError(decided.problem);
      }
      const linkedAt = new Date();
      // Two links of one decision at once: the key lets one in; the other is answered as linked.
      const inserted = await em.query<unknown[]>(
        `INSERT INTO meeting_decision_link (decision_id, meeting_id, path_id, event_id,
           linked_by_org_id, linked_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (decision_id) DO NOTHING RETURNING 1`,
        [decisionId, meetingId, pathId, eventId, principal.orgId, linkedAt],
      );
      if (inserted.length === 0) {
        throw problemError({
          status: 409,
          rule: 'DECISION_ALREADY_LINKED',
          message: 'the decision is already linked to what carried it out',
        });
      }
      const view: DecisionLinkView = {
        meetingId,
        decisionId,
        eventId,
        eventType: decided.eventType,
        service: decided.service,
        linkedAt: linkedAt.toISOString(),
      };
      await this.outbox.append(em, MEETING_DECISION_CARRIED_OUT_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: meetingId,
        }),
        causationId: eventId,
        data: view,
      });
      return view;
    });
  }

  /** The type of the named event of the path, when the caller may see it; else undefined. */
  private async carryingEventType(
    em: EntityManager,
    principal: Principal,
    where: { pathId: string; eventId: string },
  ): Promise<string | undefined> {
    const row = await timelineEntryOfEvent(em, where);
    if (row === undefined) {
      return undefined;
    }
    const caller = timelineViewerOf(
      principal,
      await readPathAccessFacts(em, where.pathId),
      new Date(),
    );
    return viewerMaySee(caller, visibilityOfRow(row)) ? row.event_type : undefined;
  }
}
