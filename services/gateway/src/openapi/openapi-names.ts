import type { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';

/** The security scheme operations name with `@ApiBearerAuth(OPENAPI_BEARER_SCHEME)`. */
export const OPENAPI_BEARER_SCHEME = 'bearer';

/** Where the document keeps its schemas; endpoints reference them as `${SCHEMA_REF_PREFIX}Name`. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** The schema of every error answer (RFC 9457 problem details). */
export const PROBLEM_SCHEMA_NAME = 'ProblemDetails';
export const PROBLEM_SCHEMA_REF = `${SCHEMA_REF_PREFIX}${PROBLEM_SCHEMA_NAME}`;

/** A schema in the document (OpenAPI 3 schema object), as class-validator-jsonschema builds it. */
export type SchemaObject = ReturnType<typeof validationMetadataArrayToSchemas>[string];
