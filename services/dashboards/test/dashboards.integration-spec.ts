import { expectServiceStartsOnAFreshDatabase } from '@polku/testing';
import { AppModule } from '../src/app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from '../src/database/schema';
import { startDashboardsService } from './support/dashboards-service';

describe('dashboards service', () => {
  it('should create its database, apply its migrations and report up when started on an empty server', async () => {
    await expectServiceStartsOnAFreshDatabase({
      service: 'dashboards',
      appModule: AppModule,
      entities: DASHBOARDS_ENTITIES,
      migrations: DASHBOARDS_MIGRATIONS,
    });
  });

  it('should give the facts their own autovacuum thresholds, lower than the server’s', async () => {
    const service = await startDashboardsService();
    try {
      const [{ options }] = await service.dataSource.query<{ options: string[] }[]>(
        `SELECT reloptions AS options FROM pg_class WHERE oid = 'dashboard_fact'::regclass`,
      );
      expect([...options].sort()).toEqual([
        'autovacuum_analyze_scale_factor=0.01',
        'autovacuum_vacuum_insert_scale_factor=0.01',
        'autovacuum_vacuum_scale_factor=0.01',
      ]);
    } finally {
      await service.close();
    }
  });
});
