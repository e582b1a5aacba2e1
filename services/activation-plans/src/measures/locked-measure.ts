import { NotFoundError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { measureOfPathForUpdate, type MeasureRow } from './measure.repository';

/**
 * The measure a command names, locked for its transaction, so two commands on one measure
 * (a pause and an end, two attendance entries) see each other's state. Not found when the path
 * has no such measure: a measure of another path is as invisible as one that does not exist.
 */
export async function lockedMeasure(
  em: EntityManager,
  item: { pathId: string; measureId: string },
): Promise<MeasureRow> {
  const measure = await measureOfPathForUpdate(em, item);
  if (measure === undefined) {
    throw new NotFoundError('no such measure');
  }
  return measure;
}
