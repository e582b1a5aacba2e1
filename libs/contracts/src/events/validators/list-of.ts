import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested, type ValidationOptions } from 'class-validator';
import { applyAll } from './apply-all';

const LIST_ITEM_CLASS = Symbol('polku:list-item-class');

/**
 * A list of nested objects of one class, each validated against it; an item that is not an
 * object is rejected. docs/events.md lists the item's fields as `list[].field`.
 */
export function IsListOf(
  itemClass: () => new () => object,
  options?: ValidationOptions,
): PropertyDecorator {
  return applyAll(
    IsArray(options),
    ValidateNested({ ...options, each: true }),
    Type(itemClass),
    (target, propertyKey) => {
      Reflect.defineMetadata(LIST_ITEM_CLASS, itemClass, target, propertyKey);
    },
  );
}

/** The item class of a property declared with {@link IsListOf}, or undefined for any other. */
export function listItemClassOf(
  payloadClass: abstract new () => object,
  property: string,
): (new () => object) | undefined {
  const itemClass = Reflect.getMetadata(
    LIST_ITEM_CLASS,
    payloadClass.prototype as object,
    property,
  ) as (() => new () => object) | undefined;
  return itemClass?.();
}
