import { ApiQuery } from '@nestjs/swagger';
import { ACTOR_ID_PATTERN } from '@polku/contracts';

/** An optional boolean query filter, documented: `true` or `false` exactly (400 otherwise). */
export function BooleanFilter(name: string, description: string): MethodDecorator {
  return ApiQuery({
    name,
    required: false,
    schema: { type: 'boolean' },
    description: `${description} Exactly \`true\` or \`false\`.`,
  });
}

/** An optional query filter naming one thing by its uuid. */
export function UuidFilter(name: string, description: string): MethodDecorator {
  return ApiQuery({
    name,
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description,
  });
}

/** An optional query filter naming one worker by their pseudonymous user id. */
export function WorkerFilter(description: string): MethodDecorator {
  return ApiQuery({
    name: 'workerId',
    required: false,
    schema: { type: 'string', pattern: ACTOR_ID_PATTERN.source },
    description,
  });
}
