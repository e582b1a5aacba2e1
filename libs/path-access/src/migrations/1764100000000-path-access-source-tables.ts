import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sources of path access that the gateway and a service that checks access itself project
 * from client-intake's events: one row per referral and one per consent, upserted by whichever
 * of their events arrives first (events of different subjects may arrive in any order).
 */
export class PathAccessSourceTables1764100000000 implements MigrationInterface {
  readonly name = 'PathAccessSourceTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_referral (
        referral_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        from_org_id uuid,
        to_org_id uuid,
        referrer_basis text,
        basis_kind text CHECK (basis_kind IN ('CONSENT', 'LEGAL_BASIS')),
        basis_ref text,
        referred_at timestamptz,
        outcome text CHECK (outcome IN ('ACCEPTED', 'DECLINED')),
        decided_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX path_access_referral_path_idx ON path_access_referral (path_id)',
    );
    await queryRunner.query(`
      CREATE TABLE path_access_consent (
        consent_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        org_ids uuid[],
        data_classes text[],
        valid_from timestamptz,
        valid_to timestamptz,
        withdrawn_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX path_access_consent_path_idx ON path_access_consent (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_consent');
    await queryRunner.query('DROP TABLE path_access_referral');
  }
}
