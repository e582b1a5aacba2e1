import { ProgressLine } from './progress-line';

/** A stand-in stream that keeps what was written. */
function streamOf(isTTY: boolean) {
  const written: string[] = [];
  const out = {
    isTTY,
    write: (text: string) => written.push(text),
  } as unknown as NodeJS.WriteStream;
  return { out, written };
}

describe('ProgressLine', () => {
  it('should redraw one line on a terminal and end it when done', () => {
    const { out, written } = streamOf(true);
    const line = new ProgressLine('demo data', out);

    line.update(0, 200);
    line.update(100, 200);
    line.done();

    expect(written).toEqual([
      `\rdemo data [${'.'.repeat(30)}] 0 % (0/200 steps)`,
      `\rdemo data [${'#'.repeat(15)}${'.'.repeat(15)}] 50 % (100/200 steps)`,
      '\n',
    ]);
  });

  it('should write a line per tenth of the way elsewhere', () => {
    const { out, written } = streamOf(false);
    const line = new ProgressLine('demo data', out);

    for (let done = 0; done <= 100; done += 1) {
      line.update(done, 100);
    }
    line.done();

    expect(written).toHaveLength(11);
    expect(written[10]).toBe(`demo data [${'#'.repeat(30)}] 100 % (100/100 steps)\n`);
  });
});
