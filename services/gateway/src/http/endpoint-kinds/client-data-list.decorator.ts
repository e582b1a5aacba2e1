import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { DataClass } from '@polku/contracts';
import { ClientData, type ProcessingPurpose } from '../../access/client-data.decorator';
import {
  answerShape,
  authenticated,
  type EndpointDocs,
  kindAndDocs,
  ProblemResponses,
} from './endpoint-steps';

/** What a list of client-level rows across the caller's organisation declares. */
export interface ClientDataListOptions extends EndpointDocs {
  /** The data classes of its rows (pseudonymous path ids and their state are PATH). */
  readonly dataClasses: readonly DataClass[];
  /**
   * Why the organisation may see these rows, recorded in the audit row: `owner` for paths it
   * is accountable for, `referrer` for referrals it made, `addressee` for work addressed to it
   * or its people (a referral or hand-off waiting for its answer, an escalation to its roles).
   */
  readonly organisationBasis: 'owner' | 'referrer' | 'addressee';
  /** Default CLIENT_WORK. */
  readonly purpose?: ProcessingPurpose;
}

/**
 * A GET of client-level rows over the caller's own organisation (work lists, lost paths): no
 * one path to check, the service scopes the rows to the organisation; one audit row per read
 * names the data classes, the basis and how many rows were disclosed (no path ids, no identity).
 * Always paged: the handler takes `@PageQuery()`.
 */
export function ClientDataList(options: ClientDataListOptions): MethodDecorator {
  return applyDecorators(
    kindAndDocs('client-data-list', options),
    answerShape('page'),
    authenticated(),
    ClientData({
      action: 'READ',
      dataClasses: options.dataClasses,
      purpose: options.purpose ?? 'CLIENT_WORK',
      organisationBasis: options.organisationBasis,
    }),
    ApiResponse({ status: 200, description: 'One page of the rows (`items`, `nextCursor`).' }),
    ProblemResponses({
      400: 'urn:polku:problem:validation-failed or invalid-cursor: `limit` above 100 or a bad cursor.',
      403: 'urn:polku:problem:forbidden: the caller’s role has no such list.',
    }),
  );
}
