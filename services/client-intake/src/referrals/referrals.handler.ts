import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLIENT_WORK_ROLES, emitterOf, hasRole, type Principal } from '@polku/auth';
import {
  AcceptReferralCommand,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  CONSENT_GRANTED_V1,
  CreateReferralCommand,
  DeclineReferralCommand,
  INTAKE_COMMANDS,
  PRIOR_INFORMATION_DATA_CLASSES,
  PRIOR_INFORMATION_SHARED_V1,
  type ConsentableDataClass,
  type PriorInformationInput,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LEGAL_BASES,
  type CreateReferralResult,
  type PathScoped,
  type VersionedPathCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { type AccessBasis, decidePathAccess, envelopeBasisOf } from '@polku/path-access';
import { PreconditionFailedError } from '@polku/persistence';
import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
  RequestPrincipal,
  validateCommand,
} from '@polku/service-runtime';
import { addBusinessDays, finnishDateOf } from '@polku/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ClientRegistry } from '../clients/client-registry';
import { IdentityCipher } from '../identity/identity-cipher';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { DECLINED_REFERRAL_TASK_DAYS } from './referral-legal-basis';

interface ReferralRow {
  id: string;
  path_id: string;
  from_org_id: string;
  to_org_id: string;
  requested_measure: string;
  reason_category: string;
  desired_start: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  expected_start: string | null;
  decline_reason: string | null;
  alternative_suggested: string | null;
  version: number;
  created_at: Date;
  decided_at: Date | null;
}

/** The data classes of the prior-information fields that were given. */
function priorInformationClasses(
  priorInformation: PriorInformationInput | undefined,
): ConsentableDataClass[] {
  if (priorInformation === undefined) {
    return [];
  }
  return [
    ...new Set(
      (Object.keys(PRIOR_INFORMATION_DATA_CLASSES) as (keyof PriorInformationInput)[])
        .filter((field) => priorInformation[field] !== undefined)
        .map((field) => PRIOR_INFORMATION_DATA_CLASSES[field]),
    ),
  ];
}

function referralView(row: ReferralRow) {
  return {
    referralId: row.id,
    pathId: row.path_id,
    fromOrgId: row.from_org_id,
    toOrgId: row.to_org_id,
    requestedMeasure: row.requested_measure,
    reasonCategory: row.reason_category,
    desiredStart: row.desired_start,
    status: row.status,
    expectedStart: row.expected_start,
    declineReason: row.decline_reason,
    alternativeSuggested: row.alternative_suggested,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

const REFERRAL_COLUMNS = `id, path_id, from_org_id, to_org_id, requested_measure, reason_category,
  to_char(desired_start, 'YYYY-MM-DD') AS desired_start, status,
  to_char(expected_start, 'YYYY-MM-DD') AS expected_start, decline_reason,
  alternative_suggested, version, created_at, decided_at`;

/**
 * Referrals: a referring organisation refers a client to a provider; the provider accepts or
 * declines. A declined referral returns to the referrer as an owned task with a due date.
 */
@Controller()
export class ReferralsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clients: ClientRegistry,
    private readonly organisations: OrganisationDirectory,
    private readonly facts: IntakePathFacts,
    private readonly cipher: IdentityCipher,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.createReferral)
  async create(
    @Payload() body: unknown,
    @RequestPrincipal() principal: Principal,
  ): Promise<CreateReferralResult> {
    const command = validateCommand(CreateReferralCommand, body);
    const legalBasis = REFERRAL_LEGAL_BASES[principal.orgRole];
    if (!hasRole(principal, ...CLIENT_WORK_ROLES) || legalBasis === undefined) {
      throw new ForbiddenCommandError(
        'only caseworkers of a referring organisation (employment authority, TYP, social services, Kela) refer clients',
      );
    }
    if (command.toOrgId === principal.orgId) {
      throw new CommandValidationError('toOrgId: a referral cannot be made to oneself');
    }
    const packageClasses = priorInformationClasses(command.priorInformation);
    if (packageClasses.length > 0 && !command.consent) {
      throw new CommandValidationError(
        'priorInformation: sharing prior information needs the client’s consent (consent)',
      );
    }
    const uncovered = packageClasses.filter(
      (dataClass) => !command.consent?.dataClasses.includes(dataClass),
    );
    if (uncovered.length > 0) {
      throw new CommandValidationError(
        `priorInformation: the consent does not cover ${uncovered.join(', ')}`,
      );
    }
    if (command.consent && !command.consent.orgIds.includes(command.toOrgId)) {
      throw new CommandValidationError(
        'consent.orgIds: the consent must name the receiving organisation',
      );
    }
    return this.dataSource.transaction(async (em) => {
      const receiver = await this.organisations.find(command.toOrgId, em);
      if (receiver === undefined) {
        throw new CommandValidationError('toOrgId: unknown organisation');
      }
      for (const orgId of command.consent?.orgIds ?? []) {
        if ((await this.organisations.find(orgId, em)) === undefined) {
          throw new CommandValidationError('consent.orgIds: unknown organisation');
        }
      }
      const client = await this.clients.findOrRegister(em, command.client, principal.orgId);
      const path = await this.pathFor(em, client.id, principal);
      const referralId = randomUUID();
      const emitter = emitterOf(principal);
      const consentId = command.consent ? randomUUID() : null;
      await em.query(
        `INSERT INTO referral (id, path_id, from_org_id, to_org_id, requested_measure,
           reason_category, funding_ref, desired_start, legal_basis, consent_id, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING')`,
        [
          referralId,
          path.id,
          principal.orgId,
          command.toOrgId,
          command.requestedMeasure,
          command.reasonCategory,
          { kind: command.fundingRef.kind, reference: command.fundingRef.reference },
          command.desiredStart,
          legalBasis,
          consentId,
        ],
      );
      const base = { pathId: path.id, clientRef: client.id, emitter };
      if (path.previousPathId !== null) {
        await this.outbox.append(em, CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, {
          ...base,
          legalBasis,
          data: {
            previousPathId: path.previousPathId,
            monthsSinceExit: path.monthsSinceExit,
            loopCount: path.loopCount,
          },
        });
      }
      if (command.consent && consentId) {
        const validFrom = new Date();
        await em.query(
          `INSERT INTO consent_record (id, client_id, path_id, org_ids, data_classes, purpose,
             how_given, valid_from, valid_to, recorded_by_user, recorded_by_org_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::date + 1)::timestamptz, $10, $11)`,
          [
            consentId,
            client.id,
            path.id,
            command.consent.orgIds,
            command.consent.dataClasses,
            command.consent.purpose,
            command.consent.howGiven,
            validFrom,
            command.consent.validTo ?? null,
            principal.userId,
            principal.orgId,
          ],
        );
        await this.outbox.append(em, CONSENT_GRANTED_V1.subject, {
          ...base,
          consentRef: consentId,
          data: {
            consentId,
            orgIds: command.consent.orgIds,
            dataClasses: command.consent.dataClasses,
            purpose: command.consent.purpose,
            howGiven: command.consent.howGiven,
            validFrom: validFrom.toISOString().slice(0, 10),
            ...(command.consent.validTo ? { validTo: command.consent.validTo } : {}),
            recordedByOrgId: principal.orgId,
          },
        });
      }
      await this.outbox.append(em, CLIENT_REFERRED_V1.subject, {
        ...base,
        correlationId: referralId,
        // The receiver sees the path on the client's consent when there is one (withdrawing it
        // hides the path at once), else on the referrer's law.
        ...(consentId ? { consentRef: consentId } : { legalBasis }),
        data: {
          referralId,
          fromOrgId: principal.orgId,
          toOrgId: command.toOrgId,
          requestedMeasure: command.requestedMeasure,
          reasonCategory: command.reasonCategory,
          fundingRef: { kind: command.fundingRef.kind, reference: command.fundingRef.reference },
          desiredStart: command.desiredStart,
          ...(consentId ? { priorInformationRef: consentId } : {}),
        },
      });
      if (command.priorInformation && consentId && packageClasses.length > 0) {
        const packageId = randomUUID();
        await em.query(
          `INSERT INTO prior_information_package (id, referral_id, path_id, consent_id,
             data_classes, content_sealed) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            packageId,
            referralId,
            path.id,
            consentId,
            packageClasses,
            this.cipher.encrypt(
              JSON.stringify({ ...command.priorInformation }),
              `prior-information:${packageId}`,
            ),
          ],
        );
        await this.outbox.append(em, PRIOR_INFORMATION_SHARED_V1.subject, {
          ...base,
          correlationId: referralId,
          consentRef: consentId,
          data: { referralId, packageId, dataClasses: packageClasses, toOrgId: command.toOrgId },
        });
      }
      return {
        pathId: path.id,
        referralId,
        clientRef: client.id,
        pathCreated: path.created,
        previousPathId: path.previousPathId,
        loopCount: path.loopCount,
        version: 1,
        legalBasis,
      };
    });
  }

  @MessagePattern(INTAKE_COMMANDS.acceptReferral)
  async accept(
    @Payload() request: VersionedPathCommand<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(AcceptReferralCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { referral, basis } = await this.pendingReferralForReceiver(em, request, principal);
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[updated]] = await em.query<[ReferralRow[], number]>(
        `UPDATE referral SET status = 'ACCEPTED', expected_start = $2, decided_at = now(),
           version = version + 1
         WHERE id = $1 RETURNING ${REFERRAL_COLUMNS}`,
        [referral.id, command.expectedStart],
      );
      await this.outbox.append(em, REFERRAL_ACCEPTED_V1.subject, {
        ...(await this.decisionEnvelope(em, referral, basis, principal)),
        data: {
          referralId: referral.id,
          acceptedByOrgId: principal.orgId,
          expectedStart: command.expectedStart,
        },
      });
      return referralView(updated);
    });
  }

  @MessagePattern(INTAKE_COMMANDS.declineReferral)
  async decline(
    @Payload() request: VersionedPathCommand<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(DeclineReferralCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { referral, basis } = await this.pendingReferralForReceiver(em, request, principal);
      const [[updated]] = await em.query<[ReferralRow[], number]>(
        `UPDATE referral SET status = 'DECLINED', decline_reason = $2,
           alternative_suggested = $3, decided_at = now(), version = version + 1
         WHERE id = $1 RETURNING ${REFERRAL_COLUMNS}`,
        [referral.id, command.reasonCategory, command.alternativeSuggested ?? null],
      );
      // Never into the void: the referrer owns finding another path, by a due date.
      const dueDate = addBusinessDays(finnishDateOf(new Date()), DECLINED_REFERRAL_TASK_DAYS);
      await em.query(
        `INSERT INTO referrer_task (id, path_id, referral_id, owner_org_id, kind, due_date)
         VALUES ($1, $2, $3, $4, 'FIND_ANOTHER_PATH', $5)`,
        [randomUUID(), referral.path_id, referral.id, referral.from_org_id, dueDate],
      );
      await this.outbox.append(em, REFERRAL_DECLINED_V1.subject, {
        ...(await this.decisionEnvelope(em, referral, basis, principal)),
        data: {
          referralId: referral.id,
          declinedByOrgId: principal.orgId,
          reasonCategory: command.reasonCategory,
          ...(command.alternativeSuggested
            ? { alternativeSuggested: command.alternativeSuggested }
            : {}),
          returnTaskDueDate: dueDate,
        },
      });
      return referralView(updated);
    });
  }

  @MessagePattern(INTAKE_COMMANDS.listReferrals)
  async list(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    await this.facts.assertAccess(principal, request.pathId, 'PATH');
    const rows = await this.dataSource.query<ReferralRow[]>(
      `SELECT ${REFERRAL_COLUMNS} FROM referral WHERE path_id = $1 ORDER BY created_at, id`,
      [request.pathId],
    );
    return { items: rows.map(referralView) };
  }

  /**
   * The prior information of a referral: each field only as far as the caller's organisation is
   * covered for its data class now (a withdrawn consent withholds it at once).
   */
  @MessagePattern(INTAKE_COMMANDS.getPriorInformation)
  async priorInformation(
    @Payload() request: PathScoped<unknown> & { id: string },
    @RequestPrincipal() principal: Principal,
  ) {
    const { facts } = await this.facts.assertAccess(principal, request.pathId, 'PATH');
    const [row] = await this.dataSource.query<{ id: string; content_sealed: string }[]>(
      `SELECT id, content_sealed FROM prior_information_package
        WHERE referral_id = $1 AND path_id = $2`,
      [request.id, request.pathId],
    );
    if (row === undefined) {
      throw new NotFoundError('no prior information for this referral');
    }
    const content = JSON.parse(
      this.cipher.decrypt(row.content_sealed, `prior-information:${row.id}`),
    ) as Record<keyof typeof PRIOR_INFORMATION_DATA_CLASSES, unknown>;
    const shown: Record<string, unknown> = {};
    const withheld: string[] = [];
    for (const [field, dataClass] of Object.entries(PRIOR_INFORMATION_DATA_CLASSES)) {
      if (!(field in content)) {
        continue;
      }
      if (decidePathAccess(principal, facts, dataClass).allowed) {
        shown[field] = content[field as keyof typeof content];
      } else {
        withheld.push(field);
      }
    }
    return { referralId: request.id, packageId: row.id, ...shown, withheld };
  }

  @MessagePattern(INTAKE_COMMANDS.listTasks)
  async tasks(@RequestPrincipal() principal: Principal) {
    if (!hasRole(principal, ...CLIENT_WORK_ROLES)) {
      throw new ForbiddenCommandError('only caseworkers and team leads have tasks');
    }
    const rows = await this.dataSource.query<
      {
        id: string;
        path_id: string;
        referral_id: string;
        kind: string;
        due_date: string;
        status: string;
      }[]
    >(
      `SELECT id, path_id, referral_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, status
         FROM referrer_task WHERE owner_org_id = $1 AND status = 'OPEN'
        ORDER BY due_date, id`,
      [principal.orgId],
    );
    return {
      items: rows.map((row) => ({
        taskId: row.id,
        pathId: row.path_id,
        referralId: row.referral_id,
        kind: row.kind,
        dueDate: row.due_date,
        status: row.status,
      })),
    };
  }

  /**
   * The referral, checked: it exists on the path, the caller is its receiver, it is pending;
   * with the basis the receiver sees the path on (the client's consent or the referrer's law).
   */
  private async pendingReferralForReceiver(
    em: EntityManager,
    request: VersionedPathCommand<unknown>,
    principal: Principal,
  ): Promise<{ referral: ReferralRow; basis: AccessBasis }> {
    const { basis } = await this.facts.assertAccess(principal, request.pathId, 'PATH', em);
    const [referral] = await em.query<ReferralRow[]>(
      `SELECT ${REFERRAL_COLUMNS} FROM referral WHERE id = $1 AND path_id = $2 FOR UPDATE`,
      [request.id, request.pathId],
    );
    if (referral === undefined) {
      throw new NotFoundError('no such referral');
    }
    if (referral.to_org_id !== principal.orgId || !hasRole(principal, ...CLIENT_WORK_ROLES)) {
      throw new ForbiddenCommandError('only the receiving organisation answers a referral');
    }
    if (referral.version !== request.expectedVersion) {
      throw new PreconditionFailedError(request.expectedVersion, referral.version);
    }
    if (referral.status !== 'PENDING') {
      throw new CommandConflictError(`the referral is already ${referral.status.toLowerCase()}`);
    }
    return { referral, basis };
  }

  /** The envelope of the receiver's answer: on the basis the receiver sees the path on. */
  private async decisionEnvelope(
    em: EntityManager,
    referral: ReferralRow,
    basis: AccessBasis,
    principal: Principal,
  ) {
    return {
      pathId: referral.path_id,
      clientRef: await this.clients.clientRefOfPath(em, referral.path_id),
      emitter: emitterOf(principal),
      correlationId: referral.id,
      ...envelopeBasisOf(basis),
    };
  }

  /**
   * The path a referral joins: the client's open path; or, for a client who left polku, a new
   * path linked to the previous one (the "loop" of domain.md §4.11); or a first path.
   */
  private async pathFor(
    em: EntityManager,
    clientId: string,
    principal: Principal,
  ): Promise<{
    id: string;
    created: boolean;
    previousPathId: string | null;
    loopCount: number;
    monthsSinceExit: number;
  }> {
    const [open] = await em.query<{ id: string; loop_count: number }[]>(
      `SELECT id, loop_count FROM client_path WHERE client_id = $1 AND status = 'OPEN'`,
      [clientId],
    );
    if (open) {
      return {
        id: open.id,
        created: false,
        previousPathId: null,
        loopCount: open.loop_count,
        monthsSinceExit: 0,
      };
    }
    const [previous] = await em.query<
      { id: string; loop_count: number; months_since_exit: number }[]
    >(
      `SELECT id, loop_count,
              (extract(year FROM age(now(), exited_at)) * 12
                + extract(month FROM age(now(), exited_at)))::int AS months_since_exit
         FROM client_path WHERE client_id = $1 AND status = 'EXITED'
        ORDER BY exited_at DESC LIMIT 1`,
      [clientId],
    );
    const id = randomUUID();
    const loopCount = previous ? previous.loop_count + 1 : 0;
    await em.query(
      `INSERT INTO client_path (id, client_id, owner_org_id, status, previous_path_id, loop_count)
       VALUES ($1, $2, $3, 'OPEN', $4, $5)`,
      [id, clientId, principal.orgId, previous?.id ?? null, loopCount],
    );
    return {
      id,
      created: true,
      previousPathId: previous?.id ?? null,
      loopCount,
      monthsSinceExit: previous?.months_since_exit ?? 0,
    };
  }
}
