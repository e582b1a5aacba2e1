import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublicEndpoint } from '../http/endpoint-kinds';
import type { SystemHealth } from './system-health';
import { SystemHealthService } from './system-health.service';

/** Public: load balancers and the launcher ask without a token; it names no client data. */
@Controller('health')
export class HealthController {
  constructor(private readonly systemHealth: SystemHealthService) {}

  @Get()
  @PublicEndpoint({
    summary: 'Readiness: the gateway and every service',
    description: '200 when the gateway and every service are up, 503 with the details otherwise.',
  })
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<SystemHealth> {
    const health = await this.systemHealth.check();
    reply.status(health.status === 'up' ? 200 : 503);
    return health;
  }

  @Get('live')
  @PublicEndpoint({
    summary: 'Liveness: the process serves HTTP',
    description: 'Never depends on PostgreSQL or NATS.',
  })
  @Header('Cache-Control', 'no-store')
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
