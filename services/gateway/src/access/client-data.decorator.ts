import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { DataClass } from '@polku/contracts';
import type { PartyRelation } from '@polku/path-access';
import type { FieldDataClasses } from '../audit/disclosed-data-classes';

export const CLIENT_DATA = 'polku:client-data';
export const NOT_CLIENT_DATA = 'polku:not-client-data';

/** Why client data is processed; recorded in every audit row (GDPR purpose limitation). */
export const PROCESSING_PURPOSES = [
  /** Caseworkers' work with the client: referral, intake, planning, hand-offs, follow-up. */
  'CLIENT_WORK',
  /** The accountable organisation answers who processed the data and on what basis. */
  'ACCESS_LOG_REVIEW',
] as const;

export type ProcessingPurpose = (typeof PROCESSING_PURPOSES)[number];

export interface ClientDataRoute {
  readonly action: 'READ' | 'WRITE';
  readonly dataClasses: readonly DataClass[];
  readonly purpose: ProcessingPurpose;
  /**
   * Route parameter that holds the path id; the access policy decides before the handler.
   * Absent on a command that creates or finds the path itself (a referral): the service
   * decides, and the audit row takes the path id from the answer's `pathFromResponse` field.
   */
  readonly pathParam?: string;
  readonly pathFromResponse?: string;
  /** When set, the caller's organisation must also hold one of these relations to the path. */
  readonly relations?: readonly PartyRelation[];
  /** Answer fields of other data classes (prior information), audited when present. */
  readonly fields?: FieldDataClasses;
  /**
   * A page whose items each carry their own data class in this field (the shared timeline):
   * the audit row names every class the page held.
   */
  readonly itemDataClassField?: string;
  /**
   * A list over the caller's own organisation (work lists, lost paths): no path, the service
   * scopes it; the audit row names what was disclosed on this basis and how many rows.
   */
  readonly organisationBasis?: string;
}

/**
 * Marks a route that reads or writes client-level data. The PathAccessGuard lets it run only
 * for a party whose data classes are covered (else 404), and the AuditInterceptor appends one
 * audit row per request. The authorisation matrix test covers every route marked so.
 */
export const ClientData = (route: ClientDataRoute): MethodDecorator =>
  applyDecorators(SetMetadata(CLIENT_DATA, route));

/**
 * Marks a route under /api/v1 that touches no client-level data, with the reason. Every route
 * is one or the other (or @PublicRoute); the route table test fails on an unmarked one.
 */
export const NotClientData = (reason: string): MethodDecorator & ClassDecorator =>
  SetMetadata(NOT_CLIENT_DATA, reason);
