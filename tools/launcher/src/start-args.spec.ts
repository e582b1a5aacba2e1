import { parseStartArgs, StartArgsError } from './start-args';

describe('parseStartArgs', () => {
  it('should ask for nothing beyond a start without arguments', () => {
    expect(parseStartArgs([])).toEqual({});
  });

  it('should ask for a small demo set with --demo', () => {
    expect(parseStartArgs(['--demo'])).toEqual({ demo: { clients: 60, seed: 1 } });
  });

  it('should take the demo’s clients and seed', () => {
    expect(parseStartArgs(['--demo', '--clients', '12', '--seed', '7'])).toEqual({
      demo: { clients: 12, seed: 7 },
    });
  });

  it.each([
    [['--demo', '--clients', '0'], /--clients must be a whole number from 1/],
    [['--demo', '--seed', 'x'], /--seed must be a whole number/],
    [['--clients', '5'], /go with --demo/],
    [['--demp'], /Unknown option '--demp'/],
    [['demo'], /positional/],
  ])('should refuse %j', (argv, message) => {
    expect(() => parseStartArgs(argv)).toThrow(StartArgsError);
    expect(() => parseStartArgs(argv)).toThrow(message);
  });
});
