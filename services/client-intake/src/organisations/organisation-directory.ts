import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgRole } from '@polku/auth';
import { ServiceConfig } from '@polku/config';
import { DataSource, type EntityManager } from 'typeorm';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly role: OrgRole;
}

/**
 * The organisations polku knows: a referral may only name one of these. Outside production the
 * seeded Kainuu demo organisations are registered at start-up, so the demo users can work at
 * once; in production organisations are registered by an administrator.
 */
@Injectable()
export class OrganisationDirectory implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganisationDirectory.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.NODE_ENV === 'production') {
      return;
    }
    // Loaded only here, so a production process never loads the demo directory.
    const { DEMO_ORGANISATIONS } = await import('@polku/demo');
    for (const organisation of Object.values(DEMO_ORGANISATIONS)) {
      await this.register(organisation);
    }
    this.logger.log('demo organisations of Kainuu registered (not in production)');
  }

  async register(organisation: Organisation, active = true): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO organisation (id, name, role, active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET
         name = EXCLUDED.name, role = EXCLUDED.role, active = EXCLUDED.active`,
      [organisation.id, organisation.name, organisation.role, active],
    );
  }

  async list(): Promise<(Organisation & { active: boolean })[]> {
    return this.dataSource.query(
      'SELECT id, name, role, active FROM organisation ORDER BY name, id',
    );
  }

  async find(id: string, em?: EntityManager): Promise<Organisation | undefined> {
    const [row] = await (em ?? this.dataSource).query<Organisation[]>(
      'SELECT id, name, role FROM organisation WHERE id = $1 AND active',
      [id],
    );
    return row;
  }
}
