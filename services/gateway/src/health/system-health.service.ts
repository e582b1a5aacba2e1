import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InternalTokenSigner } from '@polku/auth';
import {
  BACKEND_SERVICE_NAMES,
  type BackendServiceName,
  healthSubject,
  type ServiceHealthReport,
} from '@polku/contracts';
import { GatewayConfig } from '@polku/config';
import { NatsTransportClient, signedRequest } from '@polku/messaging';
import { ServiceHealthService } from '@polku/service-runtime';
import { lastValueFrom } from 'rxjs';
import type { SystemHealth, UnreachableService } from './system-health';

/** Asks every service for its health in parallel, each with its own short timeout. */
@Injectable()
export class SystemHealthService {
  constructor(
    private readonly ownHealth: ServiceHealthService,
    private readonly services: NatsTransportClient,
    private readonly config: GatewayConfig,
    private readonly signer: InternalTokenSigner,
  ) {}

  async check(): Promise<SystemHealth> {
    const [gateway, ...reports] = await Promise.all([
      this.ownHealth.report(),
      ...BACKEND_SERVICE_NAMES.map((service) => this.ask(service)),
    ]);
    const services = Object.fromEntries(
      reports.map((report) => [report.service, report]),
    ) as SystemHealth['services'];
    const allUp = gateway.status === 'up' && reports.every((report) => report.status === 'up');
    return {
      status: allUp ? 'up' : 'down',
      checkedAt: new Date().toISOString(),
      gateway,
      services,
    };
  }

  private async ask(
    service: BackendServiceName,
  ): Promise<ServiceHealthReport | UnreachableService> {
    try {
      // The gateway asks on its own: as polku's system caller, never as a user.
      const request = await signedRequest(
        this.signer,
        { kind: 'system', process: 'gateway:health', requestId: randomUUID() },
        undefined,
        { timeoutMs: this.config.HEALTH_TIMEOUT_MS },
      );
      return await lastValueFrom(
        this.services.send<ServiceHealthReport>(healthSubject(service), request),
      );
    } catch (error) {
      return {
        service,
        status: 'down',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
