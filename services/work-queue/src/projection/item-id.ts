import { createHash } from 'node:crypto';

/** The name space of work-item ids (a fixed random UUID, as RFC 9562 asks of a name space). */
const ITEM_ID_NAMESPACE = Buffer.from('6f1c2a9e4b7d4e0a9c3f5d8b2e7a1c40', 'hex');

/**
 * The id of the item with this key: a name-based UUID (version 5) of the key, so the same item
 * has the same id after a rebuild by replay (a read marker and a link still find it).
 */
export function itemIdOf(itemKey: string): string {
  const hash = createHash('sha1').update(ITEM_ID_NAMESPACE).update(itemKey, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
