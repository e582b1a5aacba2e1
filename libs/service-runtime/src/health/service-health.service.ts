import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DatabaseHealth,
  DependencyHealth,
  OutboxHealth,
  ServiceHealthReport,
} from '@polku/contracts';
import { serviceDatabaseName } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { clockHealth } from '../clock/service-clock';
import { EventBackbone } from '../messaging/event-backbone';
import { POLKU_VERSION, ServiceRuntime } from '../service-runtime';

const CHECK_TIMEOUT_MS = 1_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks this process's own dependencies: its database and its NATS connection. */
@Injectable()
export class ServiceHealthService {
  constructor(
    private readonly runtime: ServiceRuntime,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly backbone: EventBackbone,
  ) {}

  async report(): Promise<ServiceHealthReport> {
    const [database, nats, outbox] = await Promise.all([
      this.checkDatabase(),
      this.checkNats(),
      this.checkOutbox(),
    ]);
    return {
      service: this.runtime.service,
      status: database.status === 'up' && nats.status === 'up' ? 'up' : 'down',
      version: POLKU_VERSION,
      instanceId: this.runtime.instanceId,
      startedAt: this.runtime.startedAt.toISOString(),
      uptimeSeconds: Math.round((performance.now() - this.runtime.startedAtMonotonicMs) / 1000),
      checks: { database, nats, outbox },
      ...clockHealth(),
    };
  }

  private async checkDatabase(): Promise<DatabaseHealth> {
    const database = serviceDatabaseName(
      this.runtime.config.DATABASE_NAME_PREFIX,
      this.runtime.service,
    );
    const started = performance.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 'PostgreSQL');
      const latencyMs = Math.round(performance.now() - started);
      const migrationsPending = await withTimeout(this.dataSource.showMigrations(), 'PostgreSQL');
      return { status: 'up', database, latencyMs, migrationsPending };
    } catch (error) {
      return { status: 'down', database, detail: reason(error) };
    }
  }

  // Informational: a backlog does not make the service down (it drains when NATS is back),
  // but its size and age tell an operator how far behind publishing is.
  private async checkOutbox(): Promise<OutboxHealth> {
    try {
      const { size, oldestAgeMs } = await withTimeout(this.backbone.relay.backlog(), 'PostgreSQL');
      return { status: 'up', backlog: size, oldestAgeMs };
    } catch (error) {
      return { status: 'down', detail: reason(error) };
    }
  }

  private async checkNats(): Promise<DependencyHealth> {
    try {
      const latencyMs = Math.round(await this.runtime.nats.ping(CHECK_TIMEOUT_MS));
      return { status: 'up', latencyMs };
    } catch (error) {
      return { status: 'down', detail: reason(error) };
    }
  }
}
