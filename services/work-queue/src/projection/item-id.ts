import { v5 as uuidv5 } from 'uuid';

/** The name space of work-item ids (a fixed random UUID, as RFC 9562 asks of a name space). */
const ITEM_ID_NAMESPACE = '6f1c2a9e-4b7d-4e0a-9c3f-5d8b2e7a1c40';

/**
 * The id of the item with this key: a name-based UUID (version 5) of the key, so the same item
 * has the same id after a rebuild by replay (a read marker and a link still find it).
 */
export function itemIdOf(itemKey: string): string {
  return uuidv5(itemKey, ITEM_ID_NAMESPACE);
}
