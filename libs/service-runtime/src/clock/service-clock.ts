import { resolve } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import {
  describeOffset,
  installSimulatedClock,
  type SimulatedClock,
  simulatedClockState,
} from '@polku/clock';
import type { ClockHealth } from '@polku/contracts';
import type { ServiceConfig } from '@polku/config';

/**
 * Puts the process on the simulated clock when SIMULATED_CLOCK_FILE names one (demo data,
 * docs/adr/0018-simulated-clock-for-demo-data.md), before anything reads the time; otherwise
 * does nothing. `role` names the acknowledgement file: the service's name when it serves, so
 * SimulatedClockControl can wait for it. Throws when the file cannot be read, and in
 * production (which its configuration refuses already).
 */
export function installClockOfConfig(
  config: ServiceConfig,
  role: string,
  logger: LoggerService,
): SimulatedClock | undefined {
  if (config.SIMULATED_CLOCK_FILE === '') {
    return undefined;
  }
  const clock = installSimulatedClock(resolve(config.SIMULATED_CLOCK_FILE), {
    service: role,
    env: { NODE_ENV: config.NODE_ENV },
    log: (line) => logger.warn(line),
  });
  clock.onChange((state) =>
    logger.debug?.(
      `clock: applied revision ${state.revision}, real time ${describeOffset(state.offsetMs)}`,
    ),
  );
  return clock;
}

/** The health answer's `clock`, present only on a simulated clock. */
export function clockHealth(): { readonly clock?: ClockHealth } {
  const state = simulatedClockState();
  return state === undefined
    ? {}
    : { clock: { simulated: true, offsetMs: state.offsetMs, revision: state.revision } };
}
