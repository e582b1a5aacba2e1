export { redactUrl, serviceDatabaseName, urlWithDatabase } from './database-names';
export { dropDatabase, ensureDatabase, waitForPostgres } from './ensure-database';
export { PersistenceModule } from './persistence.module';
export { ParameterFreeQueryLogger } from './parameter-free-logger';
export { runMigrationsLocked } from './run-migrations';
export {
  isRetryableConflict,
  retriedTransaction,
  type PostgresIsolationLevel,
  type RetriedTransactionOptions,
} from './retried-transaction';
export {
  listenToSavepoints,
  Savepoint,
  withSavepoint,
  type SavepointListener,
  type WithSavepointOptions,
} from './savepoint';
export {
  openServiceDataSource,
  serviceDataSourceOptions,
  type ServicePersistenceOptions,
} from './service-data-source';
export {
  applyKeysetPage,
  keysetSql,
  type KeysetOrder,
  type KeysetPageOptions,
  type KeysetSql,
} from './keyset-pagination';
export {
  KEYSET_KEY_SEPARATOR,
  keysetAfter,
  keysetKey,
  keysetTimestampSql,
  type KeysetIdKind,
  type KeysetKeyKind,
} from './keyset-keys';
export {
  PreconditionFailedError,
  RowNotFoundError,
  versionedUpdate,
  type SqlRunner,
  type VersionedUpdateOptions,
} from './versioned-update';
