import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation registry gets a version (changes need If-Match) and a change log: who changed
 * which organisation, from what to what (issue 15: an ADMIN changes only its own organisation).
 */
export class OrganisationRegistryAudit1764100900000 implements MigrationInterface {
  readonly name = 'OrganisationRegistryAudit1764100900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE organisation ADD COLUMN version integer NOT NULL DEFAULT 1',
    );
    await queryRunner.query(`
      CREATE TABLE organisation_change (
        id bigserial PRIMARY KEY,
        org_id uuid NOT NULL,
        actor_id text NOT NULL,
        actor_org_id uuid NOT NULL,
        actor_role text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('CHANGED', 'REFUSED')),
        version integer,
        before jsonb,
        after jsonb,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX organisation_change_org_idx ON organisation_change (org_id, changed_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE organisation_change');
    await queryRunner.query('ALTER TABLE organisation DROP COLUMN version');
  }
}
