import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

describe('PageQueryDto', () => {
  const read = (query: Record<string, string>) => {
    const dto = plainToInstance(PageQueryDto, query);
    return { dto, errors: validateSync(dto) };
  };

  it('should default limit to 25 when it is not given', () => {
    const { dto, errors } = read({});

    expect(errors).toEqual([]);
    expect(dto.limit).toBe(25);
    expect(dto.cursor).toBeUndefined();
  });

  it('should read limit from the query string as a number when it is in range', () => {
    expect(read({ limit: '100' }).dto.limit).toBe(100);
    expect(read({ limit: '1' }).errors).toEqual([]);
  });

  it.each(['0', '101', '2.5', 'ten', ''])('should reject limit %j', (limit) => {
    expect(read({ limit }).errors.map((error) => error.property)).toEqual(['limit']);
  });
});
