import { Module } from '@nestjs/common';
import { DashboardQueriesHandler } from './dashboard-queries.handler';
import { DashboardQueriesService } from './dashboard-queries.service';

/** The managers' dashboard views, read from dashboard_fact. */
@Module({ controllers: [DashboardQueriesHandler], providers: [DashboardQueriesService] })
export class DashboardQueriesModule {}
