import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE } from '../auth/public-route.decorator';
import { API_PREFIX } from '../http/api-conventions';
import {
  ANSWER_SHAPE,
  type AnswerShape,
  ENDPOINT_KIND,
  type EndpointKind,
} from '../http/endpoint-kinds';
import { PAGED_LIST } from '../http/pagination/page-query.decorator';
import { CLIENT_DATA, type ClientDataRoute, NOT_CLIENT_DATA } from './client-data.decorator';

/** One HTTP route of the gateway and how it is classified for access and audit. */
export interface GatewayRoute {
  readonly method: keyof typeof RequestMethod;
  /** Full URL template, e.g. `/api/v1/paths/:pathId/parties`. */
  readonly url: string;
  readonly controller: string;
  readonly handler: string;
  /** The endpoint kind its one composite decorator declares (http/endpoint-kinds). */
  readonly kind?: EndpointKind;
  /** What a read declares it answers: one resource or a page of a list. */
  readonly answer?: AnswerShape;
  /** Takes `limit` and `cursor` through `@PageQuery()`. */
  readonly paged: boolean;
  readonly public: boolean;
  readonly clientData?: ClientDataRoute;
  readonly notClientData?: string;
}

const join = (...parts: readonly string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter((part) => part !== '')
    .join('/')}`;

/** Paths outside the prefix (see API_PREFIX's exclusions). */
const UNPREFIXED = new Set(['/health', '/health/live']);

/**
 * Every route the application serves, read from Nest's metadata: the table the authorisation
 * matrix is generated from, so no endpoint can be added without being classified and tested.
 */
export function gatewayRouteTable(app: INestApplication): GatewayRoute[] {
  const routes: GatewayRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) {
        continue;
      }
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
      const classNotClientData = Reflect.getMetadata(NOT_CLIENT_DATA, controller) as
        string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) {
          continue;
        }
        const path = (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '';
        const local = join(base, path);
        routes.push({
          method: RequestMethod[method] as keyof typeof RequestMethod,
          url: UNPREFIXED.has(local) ? local : join(API_PREFIX, local),
          controller: controller.name,
          handler: name,
          kind: Reflect.getMetadata(ENDPOINT_KIND, handler) as EndpointKind | undefined,
          answer: Reflect.getMetadata(ANSWER_SHAPE, handler) as AnswerShape | undefined,
          paged: Reflect.getMetadata(PAGED_LIST, handler) === true,
          public: classPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true,
          clientData: Reflect.getMetadata(CLIENT_DATA, handler) as ClientDataRoute | undefined,
          notClientData:
            (Reflect.getMetadata(NOT_CLIENT_DATA, handler) as string | undefined) ??
            classNotClientData,
        });
      }
    }
  }
  return routes.sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}
