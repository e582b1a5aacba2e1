import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals held on a path of their own that the owner of the client's open path linked to it
 * (ReferralLinked): from then on the held path's referral and consents count for the open path,
 * as client-intake counts them (docs/auth.md). One row per held path; a replay changes nothing.
 */
export class PathAccessReferralLinks1764101100000 implements MigrationInterface {
  readonly name = 'PathAccessReferralLinks1764101100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_link (
        held_path_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        basis text NOT NULL,
        linked_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX path_access_link_path_idx ON path_access_link (path_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_link');
  }
}
