import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  NotFoundException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { trace } from '@opentelemetry/api';
import type { Principal } from '@polku/auth';
import {
  decidePathAccess,
  describeBasis,
  readPathAccessFacts,
  type PartyRelation,
  type PathAccessDecision,
  type PathAccessFacts,
  type PathAccessRefusal,
} from '@polku/path-access';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { UnauthenticatedException } from '../auth/authentication.guard';
import { principalOf } from '../auth/principal-of-request';
import { AuditTrail, type AuditEntry, type ClassDisclosure } from '../audit/audit-trail';
import {
  type AuditDataClass,
  disclosedDataClasses,
  rowCountOf,
} from '../audit/disclosed-data-classes';
import { correlationIdOf } from '../audit/request-ids';
import { httpStatusOf } from '../problem/problem-details.filter';
import { OwnProjectionBarrier } from '../read-your-writes/own-projection-barrier';
import { factsForSecondDecision } from './facts-for-second-decision';
import { CLIENT_DATA, type ClientDataRoute } from './client-data.decorator';

/** The answer to every refusal: the caller may not even learn that the path exists. */
export class PathNotFoundException extends NotFoundException {
  constructor() {
    super('No such path');
  }
}

/** The same answer, when access ended while the service worked: its audit row is written. */
class RefusedAfterAnswer extends PathNotFoundException {}

/** The status Nest will answer with: its @HttpCode, else 201 for POST and 200 otherwise. */
function successStatus(execution: ExecutionContext, reply: FastifyReply): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) as
    number | undefined;
  if (declared !== undefined) {
    return declared;
  }
  return execution.switchToHttp().getRequest<FastifyRequest>().method === 'POST'
    ? 201
    : reply.statusCode;
}

/** What the gateway decided, in the terms of an audit row: a refusal, or relations and basis. */
interface GatewayDecision {
  readonly refusal: PathAccessRefusal | null;
  readonly relations: readonly PartyRelation[];
  /** `consent:<id>` or `law:<code>`; null when refused, or when the service decides. */
  readonly basis: string | null;
  /** The path's facts the decision was made on, to name the basis of each disclosed class. */
  readonly facts?: PathAccessFacts;
  /** The instant the facts were judged at. */
  readonly decidedAt: Date;
}

/**
 * The basis of each class an answer disclosed: the answer's own legal basis (a command that
 * found its path), the organisation basis of an organisation-wide list, `owner` for identity
 * shown to the owner, else the coverage the policy finds for the caller now.
 */
function classBases(options: {
  readonly principal: Principal;
  readonly route: ClientDataRoute;
  readonly decision: GatewayDecision;
  readonly dataClasses: readonly AuditDataClass[];
  readonly legalBasis?: string;
}): ClassDisclosure[] {
  const { principal, route, decision } = options;
  const now = new Date();
  const basisOf = (dataClass: AuditDataClass): string | null => {
    if (options.legalBasis !== undefined) {
      return `law:${options.legalBasis}`;
    }
    if (route.organisationBasis !== undefined) {
      return route.organisationBasis;
    }
    if (dataClass === 'IDENTITY') {
      return decision.relations.includes('OWNER') ? 'owner' : basisOf('PATH');
    }
    const access = decidePathAccess(principal, decision.facts, dataClass, now);
    if (access.allowed) {
      return describeBasis(access.basis);
    }
    // Client voice a consent does not cover was shown on the client's own choice of who sees
    // each entry (network-meetings filters by it, docs/meetings.md, "Who sees what").
    return dataClass === 'CLIENT_VOICE' ? CLIENT_CHOICE_BASIS : null;
  };
  return options.dataClasses.map((dataClass) => ({ dataClass, basis: basisOf(dataClass) }));
}

/** The audit basis of client voice shown on the client's own choice (no consent covers it). */
export const CLIENT_CHOICE_BASIS = 'client-choice';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For every @ClientData route: decides access with the path's facts before the handler runs
 * (refused → 404 and a REFUSED audit row), and appends one audit row for the request before the
 * answer leaves. When the audit row cannot be written the request fails: no unaudited reads.
 */
@Injectable()
export class ClientDataInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly ownWrites: OwnProjectionBarrier,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ClientDataRoute | undefined>(
      CLIENT_DATA,
      execution.getHandler(),
    );
    if (route === undefined || execution.getType() !== 'http') {
      return next.handle();
    }
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    const principal = principalOf(request);
    if (principal === undefined) {
      throw new UnauthenticatedException('client data route reached without a principal');
    }
    const pathId =
      route.pathParam === undefined
        ? undefined
        : (request.params as Record<string, string | undefined>)[route.pathParam];
    return from(this.decide(principal, route, pathId)).pipe(
      mergeMap((decision) => {
        const entry = (
          outcome: AuditEntry['outcome'],
          httpStatus: number,
          answered?: { body: unknown; pathId?: string; legalBasis?: string },
        ): AuditEntry => {
          // What left the gateway: nothing for a refusal or failure; for a write, what it wrote.
          const dataClasses: AuditDataClass[] =
            outcome !== 'DONE'
              ? []
              : answered === undefined
                ? [...route.dataClasses]
                : disclosedDataClasses({
                    declared: route.dataClasses,
                    answer: answered.body,
                    ...(route.fields === undefined ? {} : { fields: route.fields }),
                    ...(route.itemDataClassField === undefined
                      ? {}
                      : { itemDataClassField: route.itemDataClassField }),
                  });
          const disclosures = classBases({
            principal,
            route,
            decision,
            dataClasses,
            ...(answered?.legalBasis ? { legalBasis: answered.legalBasis } : {}),
          });
          return {
            principal,
            action: route.action,
            outcome,
            httpStatus,
            route: `${request.method} ${request.routeOptions?.url ?? ''}`,
            pathId:
              [pathId, answered?.pathId].find((id) => id !== undefined && UUID.test(id)) ?? null,
            dataClasses,
            disclosures,
            rowCount: answered === undefined ? null : rowCountOf(answered.body),
            purpose: route.purpose,
            relations: decision.relations,
            basis: answered?.legalBasis
              ? `law:${answered.legalBasis}`
              : (decision.basis ?? route.organisationBasis ?? null),
            refusalReason: decision.refusal ?? undefined,
            requestId: String(request.id),
            correlationId: correlationIdOf(request),
            traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
          };
        };
        if (decision.refusal !== null) {
          return from(this.audit.append(entry('REFUSED', 404))).pipe(
            mergeMap(() => {
              throw new PathNotFoundException();
            }),
          );
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            // Decided again on the projection as it is now: a withdrawal answered while the
            // service worked holds for this answer too (ADR 0014).
            const now = await this.decide(principal, route, pathId, decision.decidedAt);
            if (now.refusal !== null) {
              await this.audit.append({
                ...entry('REFUSED', 404),
                refusalReason: now.refusal,
              });
              throw new RefusedAfterAnswer();
            }
            const answer = (body ?? {}) as Record<string, unknown>;
            const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
            await this.audit.append(
              entry(
                'DONE',
                successStatus(execution, reply),
                route.pathFromResponse === undefined
                  ? { body }
                  : {
                      body,
                      pathId: text(answer[route.pathFromResponse]),
                      legalBasis: text(answer.legalBasis),
                    },
              ),
            );
            return body;
          }),
          catchError(async (error: unknown) => {
            if (error instanceof RefusedAfterAnswer) {
              throw error; // audited above
            }
            const status = httpStatusOf(error);
            // 304 Not Modified (If-None-Match) is thrown, yet the caller did get the data.
            await this.audit.append(entry(status === 304 ? 'DONE' : 'FAILED', status));
            throw error;
          }),
        );
      }),
    );
  }

  /**
   * Every data class of the route must be covered; relations are checked on top. A route
   * without a path parameter creates or finds its path: the service decides (it alone knows
   * the client), so the gateway lets it through and audits it.
   */
  /**
   * The first decision (no `firstDecidedAt`) reads the facts as they are, after the caller's own
   * writes reached the projection. The second, after the service answered, judges the facts as
   * of the first decision with every withdrawal known now (facts-for-second-decision.ts).
   */
  private async decide(
    principal: Principal,
    route: ClientDataRoute,
    pathId: string | undefined,
    firstDecidedAt?: Date,
  ): Promise<GatewayDecision> {
    const decidedAt = firstDecidedAt ?? new Date();
    if (route.pathParam === undefined) {
      return { refusal: null, relations: [], basis: null, decidedAt };
    }
    if (firstDecidedAt === undefined) {
      // What the caller itself just wrote (a referral, a hand-off) counts for its access now,
      // however far the projection lags (docs/adr/0015-read-your-own-writes.md).
      await this.ownWrites.awaitOwnWrites(principal);
    }
    const current =
      pathId !== undefined && UUID.test(pathId)
        ? await readPathAccessFacts(this.dataSource, pathId)
        : undefined;
    const facts =
      firstDecidedAt === undefined ? current : factsForSecondDecision(current, firstDecidedAt);
    let last: PathAccessDecision = { allowed: false, reason: 'UNKNOWN_PATH' };
    for (const dataClass of route.dataClasses) {
      last = decidePathAccess(principal, facts, dataClass, decidedAt);
      if (!last.allowed) {
        return { refusal: last.reason, relations: [], basis: null, decidedAt };
      }
    }
    if (!last.allowed) {
      return { refusal: last.reason, relations: [], basis: null, decidedAt };
    }
    if (
      route.relations !== undefined &&
      !last.relations.some((relation) => route.relations?.includes(relation))
    ) {
      return { refusal: 'NOT_A_PARTY', relations: last.relations, basis: null, decidedAt };
    }
    return {
      refusal: null,
      relations: last.relations,
      basis: describeBasis(last.basis),
      facts,
      decidedAt,
    };
  }
}
