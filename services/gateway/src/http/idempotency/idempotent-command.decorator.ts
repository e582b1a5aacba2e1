import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_HEADER,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  VISIBLE_ASCII,
} from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a command (a POST) safe to retry: the caller must send `Idempotency-Key`; a retry with
 * the same key and request replays the first answer (`Idempotency-Replayed: true`) without
 * running the handler again. See docs/api.md "Idempotency-Key" for every answer. Endpoints get
 * it from their kind (`@ClientDataCommand({ …, idempotent: true })`), not directly.
 */
export function IdempotentCommand(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: true,
      // In the description, not as responses: a response here would hide the route's own.
      description:
        'A new unique value (a UUID) per command, repeated unchanged on every retry of it. A retry gets the first answer again, with `Idempotency-Replayed: true`. 409 urn:polku:problem:idempotency-in-progress while the first is still running (Retry-After); 422 urn:polku:problem:idempotency-key-reused for the same key with another path or body; 400 urn:polku:problem:idempotency-key-missing or -invalid.',
      // The bare form the gateway checks (the quoted Structured Field form is accepted too).
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
        pattern: VISIBLE_ASCII.source,
        example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
      },
    }),
  );
}
