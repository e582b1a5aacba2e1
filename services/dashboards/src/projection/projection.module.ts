import { Module } from '@nestjs/common';
import { DashboardsEventsHandler } from './dashboards-events.handler';

/** The dashboards' facts, folded per path from the events of every service. */
@Module({ controllers: [DashboardsEventsHandler] })
export class DashboardsProjectionModule {}
