import { Controller, Get, Header, Res } from '@nestjs/common';
import { PublicRoute } from '../auth/public-route.decorator';
import type { FastifyReply } from 'fastify';
import type { SystemHealth } from './system-health';
import { SystemHealthService } from './system-health.service';

/** Public: load balancers and the launcher ask without a token; it names no client data. */
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly systemHealth: SystemHealthService) {}

  /** Readiness: 200 when the gateway and every service are up, 503 with the details otherwise. */
  @Get()
  @Header('Cache-Control', 'no-store')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<SystemHealth> {
    const health = await this.systemHealth.check();
    reply.status(health.status === 'up' ? 200 : 503);
    return health;
  }

  /** Liveness: the process serves HTTP. Never depends on PostgreSQL or NATS. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
