import { getMetadataStorage, IsInt, IsString, Min, validateSync } from 'class-validator';
import { installValidationMetadataCache } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Derived extends Base {
  @IsInt()
  @Min(1, { groups: ['strict'] })
  count!: unknown;
}

const invalid = () => Object.assign(new Derived(), { name: 7, count: 0 });
const failedProperties = (groups?: string[]) =>
  validateSync(invalid(), groups ? { groups } : {})
    .map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join(',')}`)
    .sort();

describe('installValidationMetadataCache', () => {
  const before = { plain: failedProperties(), strict: failedProperties(['strict']) };
  installValidationMetadataCache();

  it('should find the same rules, inherited ones included, once the cache is installed', () => {
    expect(before.plain).toEqual(['count:min', 'name:isString']);
    expect(failedProperties()).toEqual(before.plain);
  });

  it('should keep lookups with different groups apart', () => {
    expect(failedProperties(['strict'])).toEqual(before.strict);
    expect(before.strict).toEqual(['count:min']);
  });

  it('should answer a repeated lookup from the cache', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Derived, '', false, false);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false, ['strict'])).not.toBe(
      first,
    );
  });
});
