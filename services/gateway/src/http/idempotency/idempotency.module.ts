import { Global, Module } from '@nestjs/common';
import { IdempotencyPruner } from './idempotency-pruner';
import { IdempotencyStore } from './idempotency.store';

/**
 * The store behind @IdempotentCommand() and its pruning. Global: the interceptor is created in
 * each resource's own module and finds the store here.
 */
@Global()
@Module({
  providers: [IdempotencyStore, IdempotencyPruner],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
