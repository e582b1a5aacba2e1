import { CLIENT_EXITED_V1, validateEvent } from '@polku/contracts';
import { getMetadataStorage, IsInt, IsString, Min, validateSync } from 'class-validator';
import { installFastValidation } from './install-fast-validation';

class Counted {
  @IsString()
  name!: unknown;

  @IsInt()
  @Min(1)
  count!: unknown;
}

const counted = (name: unknown, count: unknown) => Object.assign(new Counted(), { name, count });
const failures = () =>
  validateSync(counted(7, 0))
    .map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join(',')}`)
    .sort();

describe('installFastValidation', () => {
  // Taken before anything is installed: importing this library must change nothing.
  const lookUpBefore = getMetadataStorage().getTargetValidationMetadatas;
  const before = { valid: validateSync(counted('a', 1)), failures: failures() };

  it('should change nothing when the library is only imported', () => {
    expect(before.valid).toEqual([]);
    expect(before.failures).toEqual(['count:min', 'name:isString']);
    const grouping = jest.spyOn(getMetadataStorage(), 'groupByPropertyName');
    validateSync(counted('a', 1));
    validateSync(counted('a', 1));
    expect(grouping).toHaveBeenCalledTimes(2);
  });

  describe('once installed', () => {
    beforeAll(() => {
      installFastValidation();
      installFastValidation(); // idempotent: a second call must not wrap twice
    });

    it('should answer validateSync through the fast pass', () => {
      // class-validator groups a class's rules on every call; the fast pass groups them once.
      validateSync(counted('a', 1));
      const grouping = jest.spyOn(getMetadataStorage(), 'groupByPropertyName');
      expect(validateSync(counted('a', 1))).toEqual([]);
      expect(validateSync(counted('b', 2))).toEqual([]);
      expect(grouping).not.toHaveBeenCalled();
    });

    it('should return class-validator’s own errors when a rule is broken', () => {
      expect(failures()).toEqual(before.failures);
    });

    it('should cache the rule lookup of class-validator’s storage', () => {
      expect(getMetadataStorage().getTargetValidationMetadatas).not.toBe(lookUpBefore);
    });

    it('should keep validateEvent’s answers', () => {
      const result = validateEvent(CLIENT_EXITED_V1.subject, { id: 'not-an-event' });
      expect(result.ok).toBe(false);
    });
  });
});
