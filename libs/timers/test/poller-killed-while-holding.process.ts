// Child process for the poller-crash test: runs a real TimerPoller whose handler, after a few
// timers of the batch, reports "holding" and waits. The batch's transaction is then open with
// every claimed row locked and some timers already marked FIRED; the test kills it with SIGKILL.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { TimerPoller } from '../src';

const HOLD_AFTER = 5;

async function main(): Promise<void> {
  const url = process.env.TIMERS_TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TIMERS_TEST_DATABASE_URL is unset');
  }
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    extra: { max: 2 },
  }).initialize();
  let handled = 0;
  const poller = new TimerPoller({
    dataSource,
    batchSize: 100,
    handlers: {
      'plan-review': async (em, timer) => {
        await em.query('INSERT INTO timer_effect (timer_id, key, fired_by) VALUES ($1, $2, $3)', [
          timer.id,
          timer.key,
          'killed-child',
        ]);
        handled += 1;
        if (handled === HOLD_AFTER) {
          process.stdout.write('holding\n');
          await new Promise(() => undefined); // until SIGKILL
        }
      },
    },
  });
  await poller.fireDue();
  process.stderr.write('the poller finished its batch without being killed\n');
  process.exit(3);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
