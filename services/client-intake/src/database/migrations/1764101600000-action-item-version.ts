import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on each action item, so that resolving one needs If-Match with the version the
 * caller read (docs/api.md, "Optimistic concurrency"): two workers acting on what they saw never
 * record two resolutions unseen. An open item starts at 1, like a new one; an item already
 * resolved counts its resolution, as one resolved from now on does.
 */
export class ActionItemVersion1764101600000 implements MigrationInterface {
  readonly name = 'ActionItemVersion1764101600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE action_item ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)',
    );
    await queryRunner.query(`UPDATE action_item SET version = 2 WHERE status = 'RESOLVED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE action_item DROP COLUMN version');
  }
}
