import type { TimelineAppendedNotice } from '@polku/contracts';
import { isAfter, NoticeCoalescer, parseTimelineAppended } from './notice-coalescer';

const PATH_A = '11111111-1111-4111-8111-111111111111';
const PATH_B = '22222222-2222-4222-8222-222222222222';

describe('NoticeCoalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should publish one notice with each path’s highest position when notifications arrive within the window', () => {
    const notices: TimelineAppendedNotice[] = [];
    const coalescer = new NoticeCoalescer(15, (notice) => notices.push(notice));
    coalescer.add({ pathId: PATH_A, position: '9' });
    coalescer.add({ pathId: PATH_B, position: '10' });
    coalescer.add({ pathId: PATH_A, position: '11' });
    coalescer.add({ pathId: PATH_A, position: '10' });
    expect(notices).toEqual([]);
    jest.advanceTimersByTime(15);
    expect(notices).toEqual([
      {
        paths: [
          { pathId: PATH_A, position: '11' },
          { pathId: PATH_B, position: '10' },
        ],
      },
    ]);
  });

  it('should open a new window when a notification arrives after a flush', () => {
    const notices: TimelineAppendedNotice[] = [];
    const coalescer = new NoticeCoalescer(15, (notice) => notices.push(notice));
    coalescer.add({ pathId: PATH_A, position: '1' });
    jest.advanceTimersByTime(15);
    coalescer.add({ pathId: PATH_A, position: '2' });
    jest.advanceTimersByTime(15);
    expect(notices.map((notice) => notice.paths[0]?.position)).toEqual(['1', '2']);
  });

  it('should publish nothing when nothing arrived', () => {
    const notices: TimelineAppendedNotice[] = [];
    const coalescer = new NoticeCoalescer(15, (notice) => notices.push(notice));
    coalescer.flushNow();
    jest.advanceTimersByTime(100);
    expect(notices).toEqual([]);
  });

  it('should compare positions as numbers when they have different lengths', () => {
    expect(isAfter('10', '9')).toBe(true);
    expect(isAfter('9', '10')).toBe(false);
    expect(isAfter('9007199254740993', '9007199254740992')).toBe(true);
  });
});

describe('parseTimelineAppended', () => {
  it('should read pathId and position when the payload is a notification of ours', () => {
    expect(parseTimelineAppended(`{"pathId":"${PATH_A}","position":42}`)).toEqual({
      pathId: PATH_A,
      position: '42',
    });
    expect(parseTimelineAppended(`{"pathId":"${PATH_A}","position":"42"}`)).toEqual({
      pathId: PATH_A,
      position: '42',
    });
  });

  it.each([undefined, '', 'not json', '{"pathId":"x","position":1}', `{"pathId":"${PATH_A}"}`])(
    'should ignore the payload when it is %p',
    (payload) => {
      expect(parseTimelineAppended(payload)).toBeUndefined();
    },
  );
});
