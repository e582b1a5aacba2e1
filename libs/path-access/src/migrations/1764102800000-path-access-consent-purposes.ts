import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each consent is for (ConsentGranted.purpose, kept as a list so a later contract may name
 * several): findConsentInForce asks for a purpose, e.g. EXPERT_PARTICIPATION for an experiential
 * expert at a network meeting. Rows projected before this migration have none (NULL) and so
 * match no purpose until the consent is replayed.
 */
export class PathAccessConsentPurposes1764102800000 implements MigrationInterface {
  readonly name = 'PathAccessConsentPurposes1764102800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE path_access_consent ADD COLUMN purposes text[]');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE path_access_consent DROP COLUMN purposes');
  }
}
