import { IsIn } from 'class-validator';
import { CommandValidationError, validateCommand } from './command-errors';

class ResolveCommand {
  @IsIn(['IN_ORDER', 'NOT_APPLICABLE'])
  resolution!: string;
}

describe('validateCommand', () => {
  it('should give the command as an instance of its class when it is valid', () => {
    expect(validateCommand(ResolveCommand, { resolution: 'IN_ORDER' })).toBeInstanceOf(
      ResolveCommand,
    );
  });

  it('should name an unknown field', () => {
    expect(() => validateCommand(ResolveCommand, { resolution: 'IN_ORDER', extra: 1 })).toThrow(
      'invalid fields: extra: whitelistValidation',
    );
  });

  // class-transformer drops these unseen; without the check they would pass as valid.
  it.each(['constructor', 'valueOf', 'toString'])(
    'should refuse a field named %s instead of dropping it',
    (key) => {
      const body = JSON.parse(`{"resolution":"IN_ORDER","${key}":[]}`) as object;

      expect(() => validateCommand(ResolveCommand, body)).toThrow(CommandValidationError);
      expect(() => validateCommand(ResolveCommand, body)).toThrow(`${key}: whitelistValidation`);
    },
  );

  it('should refuse a body that is not an object', () => {
    expect(() => validateCommand(ResolveCommand, [])).toThrow('the command body must be an object');
  });
});
