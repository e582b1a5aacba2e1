import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'polku:public-route';

/**
 * Marks a route that answers without a token: health, the demo issuer. Everything else under
 * the gateway needs a verified bearer token.
 */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
