import type { FastifyHelmetOptions } from '@fastify/helmet';

// The API answers JSON only, so its pages may load nothing, be framed by nobody and send no
// referrer. HSTS tells browsers to use HTTPS for a year (TLS ends in front of the gateway).
export const API_SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
};

// Swagger UI at /api/docs: its scripts, styles and images all come from the gateway itself
// (checked by test), but it styles elements inline, so only styles get 'unsafe-inline'.
export const DOCS_CONTENT_SECURITY_POLICY: NonNullable<
  FastifyHelmetOptions['contentSecurityPolicy']
> = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
};
