import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access projection keyed by its sources (one row per referral, one per consent) instead of
 * derived party rows. Events of different subjects reach the gateway through different
 * consumers and may arrive in any order (a decline before its referral, a withdrawal before its
 * consent); upserting by source and deriving parties when reading makes the result the same in
 * every order. The old tables held only rows derived from the stream and existed in no
 * deployment (both migrations are from the same day), so nothing needs replaying.
 */
export class PathAccessBySource1764000500000 implements MigrationInterface {
  readonly name = 'PathAccessBySource1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_coverage');
    await queryRunner.query('DROP TABLE path_access_party');
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

  async down(): Promise<void> {
    throw new Error('PathAccessBySource1764000500000 is not reversible; rebuild by replay');
  }
}
