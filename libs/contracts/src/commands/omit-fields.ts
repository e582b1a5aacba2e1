import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { FieldDoc, fieldDocsOf } from '../field-doc.decorator';

// class-transformer keeps `@Type` metadata in this storage and exports no accessor for it;
// @nestjs/mapped-types reads it the same way.
const transformerStorage = (
  require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: TransformerMetadataStorage;
  }
).defaultMetadataStorage;

/**
 * A class with the fields of `base` but `omitted`: their validation rules, nested types and
 * FieldDocs are copied, the omitted fields' are not. A command that takes an event's payload
 * minus the ids the service assigns extends it, so each field is declared and described once.
 */
export function OmitFields<T extends object, K extends keyof T & string>(
  base: new () => T,
  omitted: readonly K[],
): new () => Omit<T, K> {
  const skip = new Set<string>(omitted);
  const Omitted = class {} as new () => Omit<T, K>;
  Object.defineProperty(Omitted, 'name', { value: `${base.name}Without${omitted.join('And')}` });

  const validation = getMetadataStorage();
  const kept = validation
    .getTargetValidationMetadatas(base, '', true, false)
    .filter((rule) => !skip.has(rule.propertyName));
  for (const rule of kept) {
    validation.addValidationMetadata(
      Object.assign(Object.create(Object.getPrototypeOf(rule) as object) as object, rule, {
        target: Omitted,
      }) as typeof rule,
    );
  }
  for (const name of new Set(kept.map((rule) => rule.propertyName))) {
    const type = transformerStorage.findTypeMetadata(base, name);
    if (type !== undefined) {
      transformerStorage.addTypeMetadata({ ...type, target: Omitted });
    }
  }
  for (const field of fieldDocsOf(base).filter(({ name }) => !skip.has(name))) {
    const options = field.example === undefined ? {} : { example: field.example };
    FieldDoc(field.description, options)(Omitted.prototype, field.name);
  }
  return Omitted;
}
