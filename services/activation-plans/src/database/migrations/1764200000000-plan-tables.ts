import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activation plan of each path: one plan per path, its versions (immutable, like
 * client-intake's consent records: a revision is a new version, never an edit), its goals with
 * their follow-up, and the pseudonymous client reference of every path this service has heard
 * of (events need it in their envelope; commands do not carry it). Free text is limited to goal
 * texts, GAS level texts, linked plan references and the revision note; never health detail.
 */
export class PlanTables1764200000000 implements MigrationInterface {
  readonly name = 'PlanTables1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_client_ref (
        path_id uuid PRIMARY KEY,
        client_ref text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE activation_plan (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL UNIQUE,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        review_date date NOT NULL,
        agreed_by_org_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE plan_version (
        plan_id uuid NOT NULL REFERENCES activation_plan (id),
        version integer NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        changed text[] NOT NULL DEFAULT '{}',
        reason_category text,
        note text CHECK (char_length(note) <= 500),
        changed_by_user_id text NOT NULL,
        changed_by_org_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version),
        -- Version 1 is the agreement; every later version is a revision with a reason.
        CHECK ((version = 1) = (reason_category IS NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION plan_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'plan_version is immutable: % is not allowed; revise the plan', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER plan_version_immutable BEFORE UPDATE OR DELETE ON plan_version
        FOR EACH ROW EXECUTE FUNCTION plan_version_is_immutable()`);
    await queryRunner.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES activation_plan (id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
        gas_scale jsonb,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DROPPED')),
        set_in_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX goal_plan_idx ON goal (plan_id)');
    await queryRunner.query(`
      CREATE TABLE goal_progress (
        id uuid PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES goal (id),
        gas_level smallint CHECK (gas_level BETWEEN -2 AND 2),
        assessed_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by_org_id uuid NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX goal_progress_goal_idx ON goal_progress (goal_id, recorded_at DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'goal_progress',
      'goal',
      'plan_version',
      'activation_plan',
      'path_client_ref',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP FUNCTION plan_version_is_immutable()');
  }
}
