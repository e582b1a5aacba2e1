import { parseArgs } from 'node:util';

/** What `npm start -- …` asks for beyond starting polku. */
export interface StartArgs {
  /** Load demo data over two simulated years (`--demo`), with how many clients and which seed. */
  readonly demo?: { readonly clients: number; readonly seed: number };
}

export const START_USAGE = `usage: npm start [-- --demo [--clients 60] [--seed 1]]

  --demo      after start, load demo data into an empty polku: synthetic clients driven
              through the real commands over the two years before today, on a simulated clock
              that ends at real time (docs/runbook.md, "Demo data")
  --clients   how many clients the demo makes (default 60)
  --seed      the demo's random seed: the same seed makes the same clients (default 1)`;

/** A bad argument: the launcher prints it with the usage and exits. */
export class StartArgsError extends Error {}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new StartArgsError(
      `--${name} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return number;
}

/** The arguments after `npm start --`. */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        demo: { type: 'boolean', default: false },
        clients: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new StartArgsError(error instanceof Error ? error.message : String(error));
  }
  if (!values.demo) {
    if (values.clients !== undefined || values.seed !== undefined) {
      throw new StartArgsError('--clients and --seed go with --demo');
    }
    return {};
  }
  return {
    demo: {
      clients: wholeNumber(values.clients ?? '60', 'clients', 1, 100_000),
      seed: wholeNumber(values.seed ?? '1', 'seed', 0, 2 ** 31 - 1),
    },
  };
}
