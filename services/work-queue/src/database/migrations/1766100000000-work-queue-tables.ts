import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work-queue read model (docs/work-queue.md): one row per item (work_item, keyed by its
 * item_key so every event is an idempotent upsert, a clear that comes first kept as a
 * tombstone), each path's card (path_card, from the highest NextStepSet and the measure and plan
 * events), the path's NextStepSet history (path_step: when a step began and what cleared an
 * escalation, whatever the order of arrival), its measures, plans and parties, the users' read
 * markers and notification settings. Every table but item_read and notification_setting is a
 * projection, emptied and replayed by rebuild-projection.
 */
export class WorkQueueTables1766100000000 implements MigrationInterface {
  readonly name = 'WorkQueueTables1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE work_item (
        item_id uuid PRIMARY KEY,
        item_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        path_id uuid NOT NULL,
        signal text NOT NULL,
        subject_id text NULL,
        underlying_key text NULL,
        next_step text NULL,
        level text NULL,
        due_date date NULL,
        lost boolean NOT NULL DEFAULT false,
        recipient_org_id uuid NULL,
        recipient_kind text NULL,
        recipient_worker_id text NULL,
        opened_at timestamptz NULL,
        opened_event_id uuid NULL,
        cleared_at timestamptz NULL,
        cleared_event_id uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The queue reads: the open items of an organisation by kind in due-date order; the items
    // whose org is the path's accountable one are found through the path (path_id index).
    await queryRunner.query(`
      CREATE INDEX work_item_open_recipient_idx ON work_item
        (recipient_org_id, kind, due_date, item_id) WHERE cleared_at IS NULL`);
    await queryRunner.query('CREATE INDEX work_item_path_idx ON work_item (path_id, kind)');
    await queryRunner.query(
      'CREATE INDEX work_item_underlying_idx ON work_item (underlying_key) WHERE underlying_key IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE path_card (
        path_id uuid PRIMARY KEY,
        path_version int NULL,
        step_set_at timestamptz NULL,
        state text NULL,
        accountable_org_id uuid NULL,
        worker_id text NULL,
        next_step text NULL,
        due_date date NULL,
        level text NULL,
        measure_id uuid NULL,
        measure_type text NULL,
        provider_org_id uuid NULL,
        measure_paused boolean NOT NULL DEFAULT false,
        plans_count int NOT NULL DEFAULT 0,
        organisations_count int NOT NULL DEFAULT 0,
        updated_at timestamptz NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX path_card_org_worker_idx ON path_card (accountable_org_id, worker_id, due_date, path_id)',
    );
    await queryRunner.query(`
      CREATE TABLE path_step (
        path_id uuid NOT NULL,
        path_version int NOT NULL,
        state text NOT NULL,
        next_step text NULL,
        due_date date NULL,
        occurred_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (path_id, path_version)
      )`);
    await queryRunner.query(`
      CREATE TABLE path_measure (
        path_id uuid NOT NULL,
        measure_id uuid NOT NULL,
        measure_type text NULL,
        provider_org_id uuid NULL,
        started_at timestamptz NULL,
        paused_at timestamptz NULL,
        resumed_at timestamptz NULL,
        ended boolean NOT NULL DEFAULT false,
        PRIMARY KEY (path_id, measure_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE path_party (
        path_id uuid NOT NULL,
        org_id uuid NOT NULL,
        PRIMARY KEY (path_id, org_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE path_plan (
        path_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        linked_plans int NOT NULL DEFAULT 0,
        linked_version int NULL,
        agreed_at timestamptz NULL,
        agreed_event_id uuid NULL,
        PRIMARY KEY (path_id, plan_id)
      )`);
    await queryRunner.query('CREATE INDEX path_plan_plan_idx ON path_plan (plan_id)');
    await queryRunner.query(`
      CREATE TABLE item_read (
        user_id text NOT NULL,
        item_id uuid NOT NULL,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, item_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_setting (
        user_id text PRIMARY KEY,
        org_id uuid NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        frequency text NOT NULL DEFAULT 'NONE',
        email text NULL,
        last_sent_at timestamptz NULL,
        last_item_seen_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Who an open item is for, resolved with the path's card: the organisation (the item's own,
    // else the path's accountable one), the named worker (WORKER, or PATH_WORKER while the path's
    // worker is of that organisation) and the audience the queue scopes select on. A PATH_WORKER
    // item whose path has no worker of that organisation goes to the whole organisation, so that
    // it always reaches a person.
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW open_work_item');
    for (const table of [
      'notification_setting',
      'item_read',
      'path_plan',
      'path_party',
      'path_measure',
      'path_step',
      'path_card',
      'work_item',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
