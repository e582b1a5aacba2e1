import { countByReason } from './lost-paths.service';

describe('countByReason', () => {
  it('should count every reason, zero included, and a path once for each of its reasons', () => {
    const path = { state: {} as never };

    expect(
      countByReason([
        { ...path, reasons: ['FOLLOW_UP_MISSED'] },
        { ...path, reasons: ['FOLLOW_UP_MISSED', 'NEXT_STEP_OVERDUE_AT_MANAGER'] },
      ]),
    ).toEqual({
      NO_OWNER: 0,
      NO_NEXT_STEP: 0,
      FOLLOW_UP_MISSED: 2,
      NEXT_STEP_OVERDUE_AT_MANAGER: 1,
    });
  });
});
