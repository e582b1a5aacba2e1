import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';
import { prototypeKeysIn } from './forbidden-keys';
import { firstLimitBreach, JSON_BODY_LIMITS, type JsonLimits } from './json-limits';

const LIMIT_DETAIL: Readonly<Record<keyof JsonLimits, (limits: JsonLimits) => string>> = {
  maxDepth: (limits) =>
    `The body nests objects and arrays more than ${limits.maxDepth} levels deep.`,
  maxKeys: (limits) => `The body has more than ${limits.maxKeys} object members.`,
  maxStringLength: (limits) =>
    `The body has a string longer than ${limits.maxStringLength} characters.`,
};

/**
 * Parses a JSON body: limits first (firstLimitBreach), then JSON.parse, then prototype keys.
 * Every refusal is a 400 problem that says what was refused and never quotes the body, which
 * may hold client data.
 */
export function parseJsonBody(text: string, limits: JsonLimits = JSON_BODY_LIMITS): unknown {
  if (text.trim() === '') {
    throw malformed('The body is empty while Content-Type says JSON.');
  }
  const breach = firstLimitBreach(text, limits);
  if (breach !== undefined) {
    throw new ProblemException({
      type: PROBLEM_TYPES.bodyLimitExceeded,
      title: 'The request body is too complex',
      status: 400,
      detail: `${LIMIT_DETAIL[breach.limit](limits)} See docs/api.md for the limits.`,
      limit: breach.limit,
      offset: breach.offset,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error: never sent back.
    throw malformed('The body is not valid JSON.');
  }
  const forbidden = prototypeKeysIn(value);
  if (forbidden.length > 0) {
    throw new ProblemException({
      type: PROBLEM_TYPES.validationFailed,
      title: 'The request is not valid',
      status: 400,
      detail:
        'The body is valid JSON, but keys named __proto__, constructor or prototype are not allowed: they are the means of prototype pollution. See errors.',
      errors: forbidden,
    });
  }
  return value;
}

function malformed(detail: string): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.malformedRequest,
    title: 'The request could not be read',
    status: 400,
    detail,
  });
}

/**
 * Replaces Fastify's JSON parser with parseJsonBody for `application/json` (any charset). The
 * body size limit still applies first: Fastify reads at most `bodyLimit` bytes.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request: FastifyRequest, body: string | Buffer, done) => {
      try {
        done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
