import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogFormat, LogLevel } from '@polku/config';

const NEST_LEVELS_FROM: Readonly<Record<LogLevel, NestLogLevel[]>> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/**
 * The process logger: one JSON object per line for log shippers, or colours for a terminal.
 * Log lines name the service; they must never carry client identity or health detail.
 */
export function createServiceLogger(
  service: string,
  { LOG_LEVEL, LOG_FORMAT }: { LOG_LEVEL: LogLevel; LOG_FORMAT: LogFormat },
): ConsoleLogger {
  return new ConsoleLogger({
    prefix: service,
    logLevels: NEST_LEVELS_FROM[LOG_LEVEL],
    json: LOG_FORMAT === 'json',
    colors: LOG_FORMAT === 'pretty' && process.stdout.isTTY === true,
  });
}
