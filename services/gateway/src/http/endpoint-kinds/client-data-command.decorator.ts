import { applyDecorators } from '@nestjs/common';
import type { PartyRelation } from '@polku/path-access';
import type { DataClass } from '@polku/contracts';
import { ClientData, type ProcessingPurpose } from '../../access/client-data.decorator';
import {
  authenticated,
  commandSteps,
  type CommandSteps,
  type EndpointDocs,
  kindAndDocs,
  ProblemResponses,
} from './endpoint-steps';

/** What a command on client data declares besides its route. */
export interface ClientDataCommandOptions extends EndpointDocs, CommandSteps {
  /** The data classes the command writes; the caller must be covered for every one. */
  readonly dataClasses: readonly DataClass[];
  /**
   * The route parameter with the path id; default `pathId`. A command that creates or finds
   * the path itself (a referral) names the answer's field instead, in `pathFromResponse`.
   */
  readonly pathParam?: string;
  readonly pathFromResponse?: string;
  /** Default CLIENT_WORK. */
  readonly purpose?: ProcessingPurpose;
  /** The caller's organisation must also hold one of these relations to the path. */
  readonly relations?: readonly PartyRelation[];
}

/**
 * A POST, PUT or PATCH that changes a client's path: authenticated; the path access check runs
 * before the handler (refused → 404) and the write is audited; the body is validated against
 * its command class and documented from it; Idempotency-Key and If-Match where the command
 * has them; problem+json and OpenAPI answers documented.
 */
export function ClientDataCommand(options: ClientDataCommandOptions): MethodDecorator {
  const onPath =
    options.pathFromResponse === undefined
      ? { pathParam: options.pathParam ?? 'pathId' }
      : { pathFromResponse: options.pathFromResponse };
  return applyDecorators(
    kindAndDocs('client-data-command', options),
    authenticated(),
    ClientData({
      action: 'WRITE',
      dataClasses: options.dataClasses,
      purpose: options.purpose ?? 'CLIENT_WORK',
      ...onPath,
      ...(options.relations === undefined ? {} : { relations: options.relations }),
    }),
    commandSteps(options),
    ProblemResponses({
      404: 'urn:polku:problem:not-found: no such path or item, or the caller may not see it.',
    }),
  );
}
