import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * open_work_item found by organisation through indexes (docs/performance.md, "Work queue").
 *
 * The view of 1766100000000-work-queue-tables.ts resolves an item's organisation as
 * COALESCE(recipient_org_id, the path card's accountable_org_id). No index can answer a filter
 * on that expression, so every queue read scanned all open items and joined every path card
 * (about 300 ms a read at 100,000 paths). The same view as two branches, UNION ALL:
 *
 * - items with an organisation of their own (recipient_org_id): `org_id = $1` becomes
 *   `recipient_org_id = $1` (work_item_open_recipient_idx). The card is joined only when it is of
 *   that organisation, which is exactly when the old view used its worker; PostgreSQL then
 *   derives `accountable_org_id = $1` for the card and joins only the organisation's cards;
 * - items of the path's accountable organisation (no recipient_org_id): `org_id = $1` becomes
 *   `accountable_org_id = $1` on the card (path_card_org_worker_idx), and the open items of each
 *   such path are found with the partial index below.
 *
 * Same columns, same rows, same resolution: an item with no organisation of its own and no card
 * has org_id NULL in both.
 *
 * A queue read touches one organisation's few thousand rows: starting parallel workers for it
 * cost more than they saved (a quarter more time on 2 cores, and three processes per read), so
 * the planner plans no parallel scan of work_item and path_card.
 */
export class OpenWorkItemByOrg1766400000000 implements MigrationInterface {
  readonly name = 'OpenWorkItemByOrg1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX work_item_open_of_path_org_idx ON work_item (path_id)
        WHERE cleared_at IS NULL AND recipient_org_id IS NULL`);
    await queryRunner.query('ALTER TABLE work_item SET (parallel_workers = 0)');
    await queryRunner.query('ALTER TABLE path_card SET (parallel_workers = 0)');
    await queryRunner.query('DROP VIEW open_work_item');
    await queryRunner.query(`
      CREATE VIEW open_work_item AS
      SELECT r.*,
             CASE WHEN r.recipient_kind IN ('TEAM_LEAD', 'MANAGER') THEN r.recipient_kind
                  WHEN r.worker_id IS NOT NULL THEN 'WORKER'
                  ELSE 'ORGANISATION' END AS audience
        FROM (
          SELECT w.*, w.recipient_org_id AS org_id,
                 CASE WHEN w.recipient_kind = 'WORKER' THEN w.recipient_worker_id
                      WHEN w.recipient_kind = 'PATH_WORKER' THEN c.worker_id END AS worker_id
            FROM work_item w
            LEFT JOIN path_card c
              ON c.path_id = w.path_id AND c.accountable_org_id = w.recipient_org_id
           WHERE w.opened_event_id IS NOT NULL AND w.cleared_at IS NULL
             AND w.recipient_org_id IS NOT NULL
          UNION ALL
          SELECT w.*, c.accountable_org_id AS org_id,
                 CASE WHEN w.recipient_kind = 'WORKER' THEN w.recipient_worker_id
                      WHEN w.recipient_kind = 'PATH_WORKER' AND c.accountable_org_id IS NOT NULL
                        THEN c.worker_id END AS worker_id
            FROM work_item w
            LEFT JOIN path_card c ON c.path_id = w.path_id
           WHERE w.opened_event_id IS NOT NULL AND w.cleared_at IS NULL
             AND w.recipient_org_id IS NULL
        ) r`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The view as 1766100000000-work-queue-tables.ts made it.
    await queryRunner.query('DROP VIEW open_work_item');
    await queryRunner.query(`
      CREATE VIEW open_work_item AS
      SELECT r.*,
             CASE WHEN r.recipient_kind IN ('TEAM_LEAD', 'MANAGER') THEN r.recipient_kind
                  WHEN r.worker_id IS NOT NULL THEN 'WORKER'
                  ELSE 'ORGANISATION' END AS audience
        FROM (
          SELECT w.*, o.org_id,
                 CASE WHEN w.recipient_kind = 'WORKER' THEN w.recipient_worker_id
                      WHEN w.recipient_kind = 'PATH_WORKER' AND c.accountable_org_id = o.org_id
                        THEN c.worker_id END AS worker_id
            FROM work_item w
            LEFT JOIN path_card c ON c.path_id = w.path_id
            CROSS JOIN LATERAL (SELECT COALESCE(w.recipient_org_id, c.accountable_org_id) AS org_id) o
           WHERE w.opened_event_id IS NOT NULL AND w.cleared_at IS NULL
        ) r`);
    await queryRunner.query('DROP INDEX work_item_open_of_path_org_idx');
    await queryRunner.query('ALTER TABLE path_card RESET (parallel_workers)');
    await queryRunner.query('ALTER TABLE work_item RESET (parallel_workers)');
  }
}
