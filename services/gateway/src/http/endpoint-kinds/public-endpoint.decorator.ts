import { applyDecorators } from '@nestjs/common';
import { PublicRoute } from '../../auth/public-route.decorator';
import { type EndpointDocs, kindAndDocs } from './endpoint-steps';

/**
 * An endpoint that answers without a token (health probes): no authentication, no client
 * data, no audit. Only for what a load balancer or a login page must reach.
 */
export function PublicEndpoint(docs: EndpointDocs): MethodDecorator {
  return applyDecorators(kindAndDocs('public', docs), PublicRoute());
}
