import type { StepRecord } from './simulation/client-run';
import { isLargerMunicipality, type MunicipalityCode } from './people/municipalities';

/** A path the run made, and the demo user who referred the client (who can read the path). */
export interface DemoPath {
  readonly pathId: string;
  readonly client: number;
  readonly persona: string;
  readonly referredBy: string;
}

/** What a run of the generator made, for the CLI to print and tests to check. */
export interface DemoSummary {
  readonly seed: number;
  readonly clients: number;
  /** `simulated`: two years of history on a simulated clock; `real-time`: every path today. */
  readonly mode: 'simulated' | 'real-time';
  /** The first and last day steps ran on. */
  readonly from: string;
  readonly to: string;
  readonly personas: Readonly<Record<string, number>>;
  /** Every path the run made (pseudonymous ids): its client's number, persona and referrer. */
  readonly paths: readonly DemoPath[];
  readonly commands: number;
  readonly commandsByKind: Readonly<Record<string, number>>;
  /** Events on the paths' timelines by type, when counted (`countEvents`). */
  readonly eventsByType?: Readonly<Record<string, number>>;
  readonly failedCommands: number;
  /** The first failures, each with the client, the step and the gateway's answer. */
  readonly failures: readonly string[];
  /** Steps with nothing to send (no GAS goal to assess, no open action item). */
  readonly skipped: number;
  /** Steps left out after a client's failed step. */
  readonly abandoned: number;
  /** Steps of stories that lie after today: the paths stand where today finds them. */
  readonly notYetDue: number;
  /** Exits by destination category, in Kajaani and in the smaller municipalities. */
  readonly exits: {
    readonly larger: Readonly<Record<string, number>>;
    readonly smaller: Readonly<Record<string, number>>;
  };
  readonly requests: number;
  readonly clockSteps: number;
  readonly durationMs: number;
  readonly commandsPerSecond: number;
  readonly clientsPerSecond: number;
}

/** Counts what the steps did as they finish. */
export class SummaryCounter {
  readonly records: StepRecord[] = [];
  private readonly municipalityOf = new Map<number, MunicipalityCode>();

  noteClient(client: number, municipality: MunicipalityCode): void {
    this.municipalityOf.set(client, municipality);
  }

  add(record: StepRecord): void {
    this.records.push(record);
  }

  /** Each path and the demo user who acted on it last (who can read its timeline). */
  lastReaders(): { pathId: string; reader: string }[] {
    const readers = new Map<string, string>();
    for (const { pathId, actor, outcome } of this.records) {
      if (pathId !== undefined && outcome.kind === 'done') {
        readers.set(pathId, actor);
      }
    }
    return [...readers].map(([pathId, reader]) => ({ pathId, reader }));
  }

  summarise(base: {
    seed: number;
    clients: number;
    mode: DemoSummary['mode'];
    from: string;
    to: string;
    personas: Record<string, number>;
    notYetDue: number;
    requests: number;
    clockSteps: number;
    durationMs: number;
  }): DemoSummary {
    const byKind: Record<string, number> = {};
    const exits = { larger: {} as Record<string, number>, smaller: {} as Record<string, number> };
    const paths = new Map<string, DemoPath>();
    const failures: string[] = [];
    let commands = 0;
    let failed = 0;
    let skipped = 0;
    let abandoned = 0;
    for (const { client, persona, step, outcome, pathId, actor } of this.records) {
      if (pathId !== undefined && step.kind === 'refer' && outcome.kind === 'done') {
        paths.set(pathId, { pathId, client, persona, referredBy: actor });
      }
      switch (outcome.kind) {
        case 'done': {
          commands += 1;
          byKind[step.kind] = (byKind[step.kind] ?? 0) + 1;
          if (step.kind === 'exit') {
            const code = this.municipalityOf.get(client);
            const bucket = code !== undefined && isLargerMunicipality(code) ? 'larger' : 'smaller';
            const category = step.destination.category;
            exits[bucket][category] = (exits[bucket][category] ?? 0) + 1;
          }
          break;
        }
        case 'failed':
          failed += 1;
          if (failures.length < 20) {
            failures.push(
              `client ${client} (${persona}) ${step.kind} on day ${step.day}: ${outcome.detail}`,
            );
          }
          break;
        case 'skipped':
          skipped += 1;
          break;
        case 'abandoned':
          abandoned += 1;
          break;
      }
    }
    const seconds = Math.max(base.durationMs / 1_000, 0.001);
    return {
      ...base,
      paths: [...paths.values()],
      commands,
      commandsByKind: byKind,
      failedCommands: failed,
      failures,
      skipped,
      abandoned,
      exits,
      commandsPerSecond: Math.round((commands / seconds) * 10) / 10,
      clientsPerSecond: Math.round((base.clients / seconds) * 100) / 100,
    };
  }
}
