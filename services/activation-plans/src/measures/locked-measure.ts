import { PreconditionFailedError } from '@polku/persistence';
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

/**
 * The measure locked, and only at the version the caller read (If-Match): compared under the
 * lock, so nothing can change it between the check and the caller's change, which raises the
 * version. A stale version is PRECONDITION_FAILED (412) before any rule of the state is asked.
 */
export async function lockedMeasureAt(
  em: EntityManager,
  item: { pathId: string; measureId: string; expectedVersion: number },
): Promise<MeasureRow> {
  const measure = await lockedMeasure(em, item);
  if (measure.version !== item.expectedVersion) {
    throw new PreconditionFailedError(item.expectedVersion, measure.version);
  }
  return measure;
}
