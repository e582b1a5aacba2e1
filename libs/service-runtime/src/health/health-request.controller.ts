import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthSubject, type ServiceHealthReport, type ServiceName } from '@polku/contracts';
import { ServiceHealthService } from './service-health.service';

/**
 * A controller answering the service's health subject. Built per service because the subject
 * names the service and decorator arguments are fixed when the class is defined.
 */
export function healthRequestControllerFor(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthRequestController {
    constructor(private readonly health: ServiceHealthService) {}

    @MessagePattern(healthSubject(service))
    report(): Promise<ServiceHealthReport> {
      return this.health.report();
    }
  }
  return HealthRequestController;
}
