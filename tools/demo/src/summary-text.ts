import type { DemoSummary } from './summary';

function share(count: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((100 * count) / total)} %`;
}

function table(counts: Readonly<Record<string, number>>, indent = '    '): string[] {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(
      ([key, count]) =>
        `${indent}${key.padEnd(28)} ${String(count).padStart(6)}  ${share(count, total)}`,
    );
}

/** The summary as the CLI prints it for people. */
export function formatSummary(summary: DemoSummary): string {
  const exitsLarger = Object.values(summary.exits.larger).reduce((a, b) => a + b, 0);
  const exitsSmaller = Object.values(summary.exits.smaller).reduce((a, b) => a + b, 0);
  return [
    `polku demo data: ${summary.clients} clients, seed ${summary.seed}, ${summary.mode} ` +
      `(${summary.from} … ${summary.to})`,
    `  paths          ${summary.paths.length}`,
    `  commands       ${summary.commands} done, ${summary.failedCommands} failed, ` +
      `${summary.skipped} with nothing to send, ${summary.abandoned} left out after a failure, ` +
      `${summary.notYetDue} after today`,
    `  personas`,
    ...table(summary.personas),
    `  commands by kind`,
    ...table(summary.commandsByKind),
    ...(summary.eventsByType === undefined
      ? []
      : ['  events on the paths’ timelines by type', ...table(summary.eventsByType)]),
    `  exits in Kajaani (${exitsLarger})`,
    ...table(summary.exits.larger),
    `  exits in the smaller municipalities (${exitsSmaller})`,
    ...table(summary.exits.smaller),
    ...(summary.failures.length === 0
      ? []
      : ['  failures', ...summary.failures.map((f) => `    ${f}`)]),
    `  took           ${(summary.durationMs / 1_000).toFixed(1)} s: ${summary.commandsPerSecond} ` +
      `commands/s, ${summary.clientsPerSecond} clients/s, ${summary.requests} requests, ` +
      `${summary.clockSteps} clock moves`,
  ].join('\n');
}
