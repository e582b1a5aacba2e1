import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures of a plan with their schedule, pauses (the reason is a category and a HEALTH_FLAG:
 * it lives only in measure_pause), day-by-day attendance and absences (one entry per measure and
 * day), and statements asked of the parties. The CHECKs repeat the rules of the event contracts,
 * so a row that could not become a valid event cannot be stored either.
 */
export class MeasureAndStatementTables1764200100000 implements MigrationInterface {
  readonly name = 'MeasureAndStatementTables1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE measure (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES activation_plan (id),
        path_id uuid NOT NULL,
        measure_type text NOT NULL,
        placement_kind text NOT NULL CHECK (placement_kind IN ('IN_HOUSE', 'EXTERNAL_HOST')),
        host_org_id uuid,
        days_per_week smallint NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
        hours_per_day numeric(4, 2) NOT NULL CHECK (hours_per_day > 0 AND hours_per_day <= 24),
        start_date date NOT NULL,
        planned_end_date date NOT NULL CHECK (planned_end_date >= start_date),
        contract_type text CHECK (contract_type IN ('FIXED_TERM', 'OPEN_ENDED')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
        end_date date CHECK (end_date >= start_date),
        end_reason text,
        started_by_org_id uuid NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((placement_kind = 'EXTERNAL_HOST') = (host_org_id IS NOT NULL)),
        CHECK (contract_type IS NULL OR measure_type = 'PAY_SUBSIDISED_WORK'),
        CHECK ((status = 'ENDED') = (end_date IS NOT NULL AND end_reason IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX measure_path_idx ON measure (path_id, started_at)');
    await queryRunner.query(`
      CREATE TABLE measure_pause (
        id uuid PRIMARY KEY,
        measure_id uuid NOT NULL REFERENCES measure (id),
        reason_category text NOT NULL,
        paused_at timestamptz NOT NULL,
        expected_resume date,
        resumed_at timestamptz CHECK (resumed_at >= paused_at),
        paused_by_org_id uuid NOT NULL
      )`);
    // A measure is paused at most once at a time.
    await queryRunner.query(`
      CREATE UNIQUE INDEX measure_pause_one_open ON measure_pause (measure_id)
        WHERE resumed_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE attendance (
        measure_id uuid NOT NULL REFERENCES measure (id),
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PRESENT', 'PARTIAL', 'ABSENT')),
        reason_category text,
        recorded_by_org_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (measure_id, date),
        CHECK ((kind = 'ABSENT') = (reason_category IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE statement (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        plan_id uuid REFERENCES activation_plan (id),
        measure_id uuid REFERENCES measure (id),
        kind text NOT NULL CHECK (kind IN ('STATEMENT', 'COACHING_SUMMARY')),
        requested_by_org_id uuid NOT NULL,
        due_date date NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        issued_at timestamptz,
        issued_by_org_id uuid,
        -- About a measure or about the plan, never both (StatementRequested's rule).
        CHECK ((plan_id IS NULL) <> (measure_id IS NULL)),
        CHECK ((issued_at IS NULL) = (issued_by_org_id IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX statement_path_idx ON statement (path_id, due_date)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['statement', 'attendance', 'measure_pause', 'measure']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
