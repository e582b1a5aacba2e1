import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prior-information packages (sealed like identity: their summary may hold personal detail) and
 * referrals to services that run alongside a measure.
 */
export class PriorInformationAndParallelServices1764100100000 implements MigrationInterface {
  readonly name = 'PriorInformationAndParallelServices1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE prior_information_package (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL UNIQUE REFERENCES referral (id),
        path_id uuid NOT NULL REFERENCES client_path (id),
        consent_id uuid NOT NULL REFERENCES consent_record (id),
        data_classes text[] NOT NULL,
        content_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE parallel_service_referral (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL REFERENCES client_path (id),
        service text NOT NULL,
        to_org_id uuid,
        referred_by_org_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX parallel_service_referral_path_idx ON parallel_service_referral (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE parallel_service_referral');
    await queryRunner.query('DROP TABLE prior_information_package');
  }
}
