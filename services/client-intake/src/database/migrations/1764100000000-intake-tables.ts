import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * client-intake's own records. Identity (code, names, contact, address) is stored only here,
 * sealed with AES-256-GCM (docs/identity.md); the code also as a keyed hash, so the same person
 * is found again without decrypting anything. Consent records are immutable: a withdrawal is a
 * new record that names the one it withdraws.
 */
export class IntakeTables1764100000000 implements MigrationInterface {
  readonly name = 'IntakeTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY,
        identity_hash text NOT NULL UNIQUE,
        code_sealed text NOT NULL,
        name_sealed text NOT NULL,
        contact_sealed text,
        address_sealed text,
        address_protected boolean NOT NULL,
        language text NOT NULL CHECK (language IN ('fi', 'sv', 'other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by_org_id uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE client_path (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client (id),
        owner_org_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'EXITED')),
        previous_path_id uuid REFERENCES client_path (id),
        loop_count integer NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL DEFAULT now(),
        exited_at timestamptz
      )`);
    // At most one open path per client: a second referral joins it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX client_path_one_open ON client_path (client_id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        from_org_id uuid NOT NULL,
        to_org_id uuid NOT NULL,
        requested_measure text NOT NULL,
        reason_category text NOT NULL,
        funding_ref jsonb NOT NULL,
        desired_start date NOT NULL,
        legal_basis text NOT NULL,
        consent_id uuid,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
        expected_start date,
        decline_reason text,
        alternative_suggested text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CHECK (from_org_id <> to_org_id)
      )`);
    await queryRunner.query('CREATE INDEX referral_path_idx ON referral (path_id, created_at)');
    await queryRunner.query(`
      CREATE TABLE consent_record (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client (id),
        path_id uuid NOT NULL REFERENCES client_path (id),
        org_ids uuid[] NOT NULL,
        data_classes text[] NOT NULL,
        purpose text NOT NULL,
        how_given text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        withdraws_consent_id uuid REFERENCES consent_record (id),
        recorded_by_user text NOT NULL,
        recorded_by_org_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query('CREATE INDEX consent_record_path_idx ON consent_record (path_id)');
    await queryRunner.query(`
      CREATE FUNCTION consent_record_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'consent_record is immutable: % is not allowed; record a withdrawal', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_record_immutable BEFORE UPDATE OR DELETE ON consent_record
        FOR EACH ROW EXECUTE FUNCTION consent_record_is_immutable()`);
    await queryRunner.query(`
      CREATE TABLE referrer_task (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        referral_id uuid NOT NULL REFERENCES referral (id),
        owner_org_id uuid NOT NULL,
        kind text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX referrer_task_owner_idx ON referrer_task (owner_org_id, status, due_date)',
    );
    await queryRunner.query(`
      CREATE TABLE intake_assessment (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        situation jsonb NOT NULL,
        basics jsonb NOT NULL,
        completed_by_user text NOT NULL,
        completed_by_org_id uuid NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE action_item (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        issue_id uuid NOT NULL UNIQUE,
        kind text NOT NULL,
        owner_org_id uuid NOT NULL,
        due_date date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
        resolution text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'action_item',
      'intake_assessment',
      'referrer_task',
      'consent_record',
      'referral',
      'client_path',
      'client',
      'organisation',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('DROP FUNCTION consent_record_is_immutable()');
  }
}
