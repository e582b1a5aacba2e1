import { resumePositionOf, sseComment, sseMessage, sseRetry } from './sse-framing';

describe('SSE framing', () => {
  it('should frame an entry with its position as id, its type and JSON data when sent', () => {
    expect(sseMessage({ id: '42', event: 'entry', data: { position: '42', summary: 'a' } })).toBe(
      'id: 42\nevent: entry\ndata: {"position":"42","summary":"a"}\n\n',
    );
  });

  it('should frame an event without id when it has none', () => {
    expect(sseMessage({ event: 'end', data: { reason: 'no-access' } })).toBe(
      'event: end\ndata: {"reason":"no-access"}\n\n',
    );
  });

  it('should keep a line break inside a value escaped when data holds one', () => {
    const framed = sseMessage({ id: '1', event: 'entry', data: { summary: 'a\nb\r\nc' } });
    expect(framed.split('\n\n')).toHaveLength(2);
    expect(framed).toContain('data: {"summary":"a\\nb\\r\\nc"}');
  });

  it('should write a comment and a retry hint when asked', () => {
    expect(sseComment('heartbeat')).toBe(': heartbeat\n\n');
    expect(sseComment('a\nb')).toBe(': a b\n\n');
    expect(sseRetry(2000)).toBe('retry: 2000\n\n');
  });

  it('should take Last-Event-ID before the query parameter when both are given', () => {
    expect(resumePositionOf('7', '9')).toEqual({ position: '7', invalid: false });
    expect(resumePositionOf(undefined, '9')).toEqual({ position: '9', invalid: false });
    expect(resumePositionOf(undefined, undefined)).toEqual({ invalid: false });
    expect(resumePositionOf(' ', undefined)).toEqual({ invalid: false });
  });

  it.each(['abc', '-1', '1.5', '01', '99999999999999999999'])(
    'should refuse the resume id when it is %p',
    (id) => {
      expect(resumePositionOf(id, undefined)).toEqual({ invalid: true });
    },
  );
});
