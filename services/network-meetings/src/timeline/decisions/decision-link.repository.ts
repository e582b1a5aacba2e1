import type { EntityManager } from 'typeorm';

/** Whether a decision is linked already (meeting_decision_link). */
export async function decisionIsLinked(em: EntityManager, decisionId: string): Promise<boolean> {
  const rows = await em.query<unknown[]>(
    'SELECT 1 FROM meeting_decision_link WHERE decision_id = $1',
    [decisionId],
  );
  return rows.length > 0;
}
