import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  openServiceDataSource,
  serviceDataSourceOptions,
  type ServicePersistenceOptions,
} from './service-data-source';

/** The service's own PostgreSQL database as TypeORM's default DataSource. */
@Module({})
export class PersistenceModule {
  /** The service's database as the default DataSource, created when missing (see openServiceDataSource). */
  static forService(options: ServicePersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...serviceDataSourceOptions(options), retryAttempts: 0 }),
          // openServiceDataSource does its own waiting; Nest's retry loop would only add delay.
          dataSourceFactory: () => openServiceDataSource(options),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
