import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { describeError, loggableStack } from './loggable-error';

const IDENTITY_CODE = '010190-123A';

function pgError(): DatabaseError {
  const error = new DatabaseError(
    `invalid input syntax for type uuid: "${IDENTITY_CODE}"`,
    100,
    'error',
  );
  error.code = '22P02';
  error.severity = 'ERROR';
  error.table = 'client_path';
  return error;
}

describe('loggable errors', () => {
  it('should describe a pg error by its SQLSTATE and table, without the value it quotes', () => {
    const line = describeError(pgError());

    expect(line).toBe('error (SQLSTATE 22P02, table client_path)');
    expect(line).not.toContain(IDENTITY_CODE);
  });

  it('should describe a TypeORM QueryFailedError by its driver error, without query or parameters', () => {
    const error = new QueryFailedError('SELECT $1::uuid', [IDENTITY_CODE], pgError());

    expect(describeError(error)).toBe('QueryFailedError (SQLSTATE 22P02, table client_path)');
    expect(loggableStack(error)).not.toContain(IDENTITY_CODE);
    expect(loggableStack(error)).toMatch(/^QueryFailedError \(SQLSTATE 22P02.*\n\s+at /);
  });

  it('should keep the message of any other error, which is ours', () => {
    expect(describeError(new TypeError('x is not a function'))).toBe(
      'TypeError: x is not a function',
    );
    expect(describeError({ code: 'ECONNREFUSED' })).toBe('{"code":"ECONNREFUSED"}');
  });
});
