import { installSimulatedClock, realNow } from '../src';

// A stand-in service process for simulated-clock-process.spec.ts: it installs the clock from
// the file named in argv, says what its Date answers at start and after every change it
// applies (one JSON line each), and keeps running until it is killed.

const [file, service] = process.argv.slice(2);
const madeBeforeInstall = new Date();
const report = (revision: number) =>
  process.stdout.write(
    `${JSON.stringify({
      revision,
      skewMs: Date.now() - realNow(),
      newDateSkewMs: new Date().getTime() - realNow(),
      instanceOfBefore: madeBeforeInstall instanceof Date,
      instanceOfAfter: new Date() instanceof Date,
      calledAsFunction: typeof (Date as unknown as () => unknown)(),
    })}\n`,
  );

try {
  const clock = installSimulatedClock(file, { service, log: () => undefined });
  report(clock.state().revision);
  clock.onChange((state) => report(state.revision));
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ refused: String(error) })}\n`);
  process.exit(3);
}
