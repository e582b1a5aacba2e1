import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What this service knows of a path's stage from other services' events (path-stage/): intake
 * completed, exits, closure, continuation by a new path, and each hand-off with its answer. One
 * column or row per fact, each written only by its own event, so the facts converge whatever
 * order the events arrive in. The path_stage row is also what a command locks, so two commands
 * on one path check and write one after the other.
 */
export class PathStageTables1764201000000 implements MigrationInterface {
  readonly name = 'PathStageTables1764201000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_stage (
        path_id uuid PRIMARY KEY,
        intake_completed_at timestamptz,
        exited_at timestamptz,
        exit_category text,
        closed_at timestamptz,
        continued_by_path_id uuid,
        CHECK ((exited_at IS NULL) = (exit_category IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE path_stage_handoff (
        handoff_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        proposed_at timestamptz,
        declined_at timestamptz,
        completed_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX path_stage_handoff_path_idx ON path_stage_handoff (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_stage_handoff');
    await queryRunner.query('DROP TABLE path_stage');
  }
}
