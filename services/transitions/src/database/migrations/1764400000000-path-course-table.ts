import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The course of each path as the path state machine keeps it (docs/transitions.md): the whole
 * PathState in `data`, and beside it the columns the lost-path query and the metric read
 * (state, accountable organisation and worker, next step), so they need no JSON scan. The basis
 * is the path's first referral's, for the events its timers raise with no caller behind them.
 */
export class PathCourseTable1764400000000 implements MigrationInterface {
  readonly name = 'PathCourseTable1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_course (
        path_id uuid PRIMARY KEY,
        state text NOT NULL CHECK (state IN ('REFERRED', 'INTAKE', 'PLANNING', 'IN_MEASURE',
          'PAUSED', 'TRANSITION_PENDING', 'UNCLEAR_PATH', 'FOLLOW_UP', 'CLOSED', 'REENTERED')),
        accountable_org_id uuid,
        worker_id text,
        next_step_kind text,
        next_step_due date,
        next_step_level text CHECK (next_step_level IN ('WORKER', 'TEAM_LEAD', 'MANAGER')),
        data jsonb NOT NULL,
        basis_kind text NOT NULL CHECK (basis_kind IN ('CONSENT', 'LEGAL_BASIS')),
        basis_ref text NOT NULL CHECK (basis_ref <> ''),
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Lost paths of one organisation (team leads' and managers' view), and announcing a
    // funding end: open paths by accountable organisation, late ones first.
    await queryRunner.query(`
      CREATE INDEX path_course_open_by_org_idx ON path_course (accountable_org_id, next_step_due)
        WHERE state NOT IN ('CLOSED', 'REENTERED')`);
    // The metric counts lost paths across organisations: open paths by due date.
    await queryRunner.query(`
      CREATE INDEX path_course_open_by_due_idx ON path_course (next_step_due)
        WHERE state NOT IN ('CLOSED', 'REENTERED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_course');
  }
}
