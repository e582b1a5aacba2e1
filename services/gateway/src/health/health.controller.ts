import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import { hasRole } from '@polku/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of-request';
import { AggregateEndpoint, PublicEndpoint } from '../http/endpoint-kinds';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { ProblemException } from '../problem/problem.exception';
import type { PublicHealth, SystemHealth } from './system-health';
import { SystemHealthService } from './system-health.service';

/**
 * Health: the public probes say only up or down, as a load balancer needs; which service or
 * dependency is down, and why, is for operators (REGISTRY_ADMIN) at /api/v1/system-health. The
 * details name internal hosts and error messages an attacker could use to pick a target.
 */
@Controller()
export class HealthController {
  constructor(private readonly systemHealth: SystemHealthService) {}

  @Get('health')
  @PublicEndpoint({
    summary: 'Readiness: the gateway and every service',
    description:
      '200 {"status":"up"} when the gateway and every service are up, 503 {"status":"down"} otherwise. No details: see /api/v1/system-health.',
  })
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<PublicHealth> {
    const health = await this.systemHealth.check();
    reply.status(health.status === 'up' ? 200 : 503);
    return { status: health.status };
  }

  @Get('health/live')
  @PublicEndpoint({
    summary: 'Liveness: the process serves HTTP',
    description: 'Never depends on PostgreSQL or NATS.',
  })
  @Header('Cache-Control', 'no-store')
  live(): PublicHealth {
    return { status: 'up' };
  }

  @Get('system-health')
  @AggregateEndpoint({
    summary: 'Health in detail: the gateway’s dependencies and every service (REGISTRY_ADMIN)',
    description:
      '200 when all are up, 503 with the same body otherwise; 403 for anyone but a registry administrator.',
    noClientData: 'service and dependency states of the system, no client data',
    answer: 'one',
  })
  @Header('Cache-Control', 'no-store')
  async details(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SystemHealth> {
    const principal = principalOf(request);
    if (principal === undefined || !hasRole(principal, 'REGISTRY_ADMIN')) {
      throw new ProblemException({
        type: PROBLEM_TYPES.forbidden,
        title: 'Your organisation or role may not do this',
        status: 403,
        detail: 'The system’s health in detail is for registry administrators.',
      });
    }
    const health = await this.systemHealth.check();
    reply.status(health.status === 'up' ? 200 : 503);
    return health;
  }
}
