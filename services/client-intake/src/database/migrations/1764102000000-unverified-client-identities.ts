import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients without a permanent personal identity code (docs/identity.md, "Clients without a
 * permanent code"). A client referred with a temporary code or none is UNVERIFIED: it has no
 * identity hash, so no referral ever finds it again by code (the unique hash index ignores
 * NULLs), and its code, if any, is sealed like every identity field. Its birth date is sealed
 * too, and its names and birth date are kept as a keyed hash to show possible duplicates when a
 * permanent code is recorded. A client gets a version for If-Match on its identity commands.
 * A possible duplicate is a row the path's owner links by its opaque id; a link points the
 * unverified record to the verified one and is removed, never deleted.
 */
export class UnverifiedClientIdentities1764102000000 implements MigrationInterface {
  readonly name = 'UnverifiedClientIdentities1764102000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE client
        ALTER COLUMN identity_hash DROP NOT NULL,
        ALTER COLUMN code_sealed DROP NOT NULL,
        ADD COLUMN identity_status text NOT NULL DEFAULT 'VERIFIED'
          CHECK (identity_status IN ('VERIFIED', 'UNVERIFIED', 'LINKED')),
        ADD COLUMN birth_date_sealed text,
        ADD COLUMN names_birth_date_hash text,
        ADD COLUMN recorded_code_hash text,
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD CONSTRAINT client_verified_by_its_hash
          CHECK ((identity_status = 'VERIFIED') = (identity_hash IS NOT NULL)),
        ADD CONSTRAINT client_verified_has_a_code
          CHECK (identity_status <> 'VERIFIED' OR code_sealed IS NOT NULL)`);
    await queryRunner.query(`
      CREATE INDEX client_unverified_names_birth_date_idx ON client (names_birth_date_hash)
        WHERE identity_status = 'UNVERIFIED'`);
    await queryRunner.query(`
      CREATE TABLE client_duplicate_candidate (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES client (id),
        candidate_client_id uuid NOT NULL REFERENCES client (id),
        match text NOT NULL CHECK (match IN ('SAME_CODE', 'SAME_NAMES_AND_BIRTH_DATE')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'LINKED')),
        found_on_path_id uuid NOT NULL REFERENCES client_path (id),
        found_by_org_id uuid NOT NULL,
        found_by_user text NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (client_id, candidate_client_id),
        CHECK (client_id <> candidate_client_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE client_link (
        id uuid PRIMARY KEY,
        duplicate_candidate_id uuid NOT NULL REFERENCES client_duplicate_candidate (id),
        unverified_client_id uuid NOT NULL REFERENCES client (id),
        verified_client_id uuid NOT NULL REFERENCES client (id),
        made_on_path_id uuid NOT NULL REFERENCES client_path (id),
        linked_by_org_id uuid NOT NULL,
        linked_by_user text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        unlinked_by_org_id uuid,
        unlinked_by_user text,
        unlinked_at timestamptz,
        CHECK (unverified_client_id <> verified_client_id),
        CHECK ((unlinked_at IS NULL) = (unlinked_by_user IS NULL))
      )`);
    // An unverified record stands for at most one verified person at a time.
    await queryRunner.query(`
      CREATE UNIQUE INDEX client_link_one_in_force ON client_link (unverified_client_id)
        WHERE unlinked_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE client_link');
    await queryRunner.query('DROP TABLE client_duplicate_candidate');
    await queryRunner.query('DROP INDEX client_unverified_names_birth_date_idx');
    await queryRunner.query(`
      ALTER TABLE client
        DROP CONSTRAINT client_verified_has_a_code,
        DROP CONSTRAINT client_verified_by_its_hash,
        DROP COLUMN version,
        DROP COLUMN recorded_code_hash,
        DROP COLUMN names_birth_date_hash,
        DROP COLUMN birth_date_sealed,
        DROP COLUMN identity_status,
        ALTER COLUMN code_sealed SET NOT NULL,
        ALTER COLUMN identity_hash SET NOT NULL`);
  }
}
