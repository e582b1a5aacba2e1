import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's view of who takes part in each path and on what basis, projected from events
 * (ClientReferred, ReferralAccepted, ReferralDeclined; consent events later). The access policy
 * (@polku/auth decidePathAccess) reads it before any client-level request is forwarded.
 * Rebuildable by replaying the stream into empty tables.
 */
export class PathAccess1764000100000 implements MigrationInterface {
  readonly name = 'PathAccess1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_party (
        path_id uuid NOT NULL,
        org_id uuid NOT NULL,
        relation text NOT NULL,
        since timestamptz NOT NULL,
        until timestamptz,
        source_event_id uuid NOT NULL,
        PRIMARY KEY (path_id, org_id, relation, since)
      )`);
    await queryRunner.query(`
      CREATE TABLE path_access_coverage (
        path_id uuid NOT NULL,
        org_id uuid NOT NULL,
        data_classes text[] NOT NULL,
        basis_kind text NOT NULL CHECK (basis_kind IN ('CONSENT', 'LEGAL_BASIS')),
        basis_ref text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        withdrawn_at timestamptz,
        source_event_id uuid NOT NULL,
        PRIMARY KEY (path_id, org_id, basis_kind, basis_ref, valid_from)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_coverage');
    await queryRunner.query('DROP TABLE path_access_party');
  }
}
