import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

function partsOf(module: Type<unknown> | DynamicModule): {
  imports: ModuleRef[];
  controllers: Type<unknown>[];
} {
  const type = 'module' in module ? module.module : module;
  const metadata = (key: string) => (Reflect.getMetadata(key, type) as unknown[] | undefined) ?? [];
  const dynamic = 'module' in module ? module : undefined;
  return {
    imports: [...metadata('imports'), ...(dynamic?.imports ?? [])] as ModuleRef[],
    controllers: [...metadata('controllers'), ...(dynamic?.controllers ?? [])] as Type<unknown>[],
  };
}

/**
 * Every event subject a service's module graph handles with @EventPattern or
 * @EventBatchPattern: what its durable consumers read, to compare with the permission matrix.
 */
export function eventSubjectsOfModule(root: Type<unknown> | DynamicModule): string[] {
  const subjects = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (module: ModuleRef) => {
    if (!module || module instanceof Promise || seen.has(module)) {
      return;
    }
    seen.add(module);
    const { imports, controllers } = partsOf(module);
    for (const controller of controllers) {
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[name];
        if (
          typeof method === 'function' &&
          Reflect.getMetadata(PATTERN_HANDLER_METADATA, method) === PatternHandler.EVENT
        ) {
          const patterns = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[];
          patterns.forEach((pattern) => subjects.add(String(pattern)));
        }
      }
    }
    imports.forEach(visit);
  };
  visit(root);
  return [...subjects].sort();
}
