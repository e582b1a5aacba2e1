import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { PartyRelation } from '@polku/path-access';
import type { DataClass } from '@polku/contracts';
import { ClientData, type ProcessingPurpose } from '../../access/client-data.decorator';
import { VersionedResource } from '../concurrency/versioned-resource.decorator';
import type { FieldDataClasses } from '../../audit/disclosed-data-classes';
import {
  type AnswerShape,
  answerShape,
  authenticated,
  type EndpointDocs,
  kindAndDocs,
  ProblemResponses,
} from './endpoint-steps';

/** What a read of client data declares besides its route. */
export interface ClientDataReadOptions extends EndpointDocs {
  /** The data classes the answer holds; the caller must be covered for every one. */
  readonly dataClasses: readonly DataClass[];
  /** The route parameter with the path id; default `pathId`. */
  readonly pathParam?: string;
  /** Default CLIENT_WORK. */
  readonly purpose?: ProcessingPurpose;
  /** The caller's organisation must also hold one of these relations to the path. */
  readonly relations?: readonly PartyRelation[];
  /** The answer is one versioned resource: ETag, and 304 for a current If-None-Match. */
  readonly versioned?: boolean;
  /** One resource, or a page of a list (then the handler takes `@PageQuery()`). */
  readonly answer: AnswerShape;
  /** Answer fields of other data classes than `dataClasses`, audited when present. */
  readonly fields?: FieldDataClasses;
  /** A page whose items name their own data class in this field; each one is audited. */
  readonly itemDataClassField?: string;
}

/**
 * A GET of one path's client data: authenticated; the path access check runs before the
 * handler (refused → 404, as for a path that does not exist) and the read is audited with its
 * data classes and purpose; problem+json and OpenAPI answers documented.
 */
export function ClientDataRead(options: ClientDataReadOptions): MethodDecorator {
  const decorators: MethodDecorator[] = [
    kindAndDocs('client-data-read', options),
    answerShape(options.answer),
    authenticated(),
    ClientData({
      action: 'READ',
      dataClasses: options.dataClasses,
      purpose: options.purpose ?? 'CLIENT_WORK',
      pathParam: options.pathParam ?? 'pathId',
      ...(options.relations === undefined ? {} : { relations: options.relations }),
      ...(options.fields === undefined ? {} : { fields: options.fields }),
      ...(options.itemDataClassField === undefined
        ? {}
        : { itemDataClassField: options.itemDataClassField }),
    }),
    ApiResponse({ status: 200, description: 'The data, as far as the caller is covered for it.' }),
    ProblemResponses({
      400: 'urn:polku:problem:validation-failed: a parameter is not valid (e.g. not a uuid).',
      404: 'urn:polku:problem:not-found: no such path, or the caller may not see it.',
    }),
  ];
  if (options.versioned === true) {
    decorators.push(VersionedResource());
  }
  return applyDecorators(...decorators);
}
