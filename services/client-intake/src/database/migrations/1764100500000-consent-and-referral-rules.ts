import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the consent and referral rules of docs/auth.md need: a withdrawal records whether the
 * client asked for it; a referral of a client whose open path another organisation owns is held
 * on a path of its own until the owner links it; a link records who joined the two and why.
 */
export class ConsentAndReferralRules1764100500000 implements MigrationInterface {
  readonly name = 'ConsentAndReferralRules1764100500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE consent_record ADD COLUMN on_client_request boolean NOT NULL DEFAULT false',
    );
    // HELD: a referral's own path while the client's open path belongs to another organisation;
    // LINKED: such a path after the open path's owner joined the referral to it.
    await queryRunner.query(
      'ALTER TABLE client_path DROP CONSTRAINT IF EXISTS client_path_status_check',
    );
    await queryRunner.query(
      `ALTER TABLE client_path ADD CONSTRAINT client_path_status_check
         CHECK (status IN ('OPEN', 'EXITED', 'HELD', 'LINKED'))`,
    );
    await queryRunner.query(`
      CREATE TABLE referral_link (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        held_path_id uuid NOT NULL UNIQUE REFERENCES client_path (id),
        referral_id uuid NOT NULL UNIQUE REFERENCES referral (id),
        basis text NOT NULL CHECK (basis IN ('OWNER_ACCEPTED')),
        linked_by_org_id uuid NOT NULL,
        linked_by_user text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX referral_link_path_idx ON referral_link (path_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referral_link');
    await queryRunner.query(
      'ALTER TABLE client_path DROP CONSTRAINT IF EXISTS client_path_status_check',
    );
    await queryRunner.query(
      `ALTER TABLE client_path ADD CONSTRAINT client_path_status_check
         CHECK (status IN ('OPEN', 'EXITED'))`,
    );
    await queryRunner.query('ALTER TABLE consent_record DROP COLUMN on_client_request');
  }
}
