import { itemIdOf } from './item-id';

describe('itemIdOf', () => {
  it('should give one version-5 UUID per key, the same every time', () => {
    const id = itemIdOf('PATH_STEP:p1');

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(itemIdOf('PATH_STEP:p1')).toBe(id);
    expect(itemIdOf('PATH_STEP:p2')).not.toBe(id);
  });
});
