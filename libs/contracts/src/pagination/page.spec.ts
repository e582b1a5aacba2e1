import { decodeCursor } from './cursor';
import { pageFromRows } from './page';

describe('pageFromRows', () => {
  const rows = Array.from({ length: 4 }, (_, index) => ({ id: `r${index}`, n: index }));

  it('should return limit items and a cursor after the last one when there is one row more', () => {
    const page = pageFromRows({
      rows,
      limit: 3,
      positionOf: (row) => ({ key: row.n, id: row.id }),
    });

    expect(page.items.map((row) => row.id)).toEqual(['r0', 'r1', 'r2']);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ key: 2, id: 'r2' });
  });

  it('should return no cursor when the rows fit in the page', () => {
    const page = pageFromRows({
      rows,
      limit: 4,
      positionOf: (row) => ({ key: row.n, id: row.id }),
      toItem: (row) => row.id,
    });

    expect(page).toEqual({ items: ['r0', 'r1', 'r2', 'r3'], nextCursor: null });
  });
});
