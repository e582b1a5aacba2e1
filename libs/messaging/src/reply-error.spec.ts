import { deliberateReplyError, internalReplyError } from './reply-error';

class RefusedError extends Error {
  readonly code = 'CONFLICT';

  toJSON() {
    return { code: this.code, message: this.message, details: { field: 'x' }, extra: 'dropped' };
  }
}

/** Shaped like TypeORM's QueryFailedError: the driver error's fields copied onto an Error. */
function queryFailed(code: string): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint "x_pkey"'), {
    code,
    query: 'INSERT INTO x VALUES ($1)',
    parameters: ['010190-123A'],
    constraint: 'x_pkey',
  });
}

describe('deliberateReplyError', () => {
  it('should keep only the code, message and details of an error class with a reply body', () => {
    expect(deliberateReplyError(new RefusedError('already accepted'))).toEqual({
      code: 'CONFLICT',
      message: 'already accepted',
      details: { field: 'x' },
    });
  });

  it('should keep a plain { code, message } a handler threw', () => {
    expect(deliberateReplyError({ code: 'NOT_FOUND', message: 'no such path' })).toEqual({
      code: 'NOT_FOUND',
      message: 'no such path',
    });
  });

  it.each<[string, unknown]>([
    ['a driver error with a PostgreSQL code', queryFailed('23505')],
    ['a driver error with an upper-case code', queryFailed('ECONNREFUSED')],
    ['a plain Error', new Error('db password xyz')],
    ['a plain object with a driver code', { code: '42P01', message: 'relation x does not exist' }],
    ['a string', 'boom'],
    ['null', null],
    [
      'an object of another class',
      Object.assign(Object.create({ inherited: true }) as object, { code: 'X_Y', message: 'm' }),
    ],
  ])('should refuse %s', (_name, error) => {
    expect(deliberateReplyError(error)).toBeUndefined();
  });
});

describe('internalReplyError', () => {
  it('should name the request id and nothing else of the failure', () => {
    expect(internalReplyError({ pattern: 'polku-rpc.x.v1', requestId: 'req-1' })).toEqual({
      code: 'INTERNAL',
      message: 'the handler of polku-rpc.x.v1 failed (request req-1)',
      details: { requestId: 'req-1' },
    });
    expect(internalReplyError({ pattern: 'polku-rpc.x.v1' })).toEqual({
      code: 'INTERNAL',
      message: 'the handler of polku-rpc.x.v1 failed',
    });
  });
});
