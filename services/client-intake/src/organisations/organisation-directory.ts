import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgRole } from '@polku/auth';
import { ServiceConfig } from '@polku/config';
import { type Page, pageFromRows } from '@polku/contracts';
import {
  CommandValidationError,
  ForbiddenCommandError,
  type ServicePage,
} from '@polku/service-runtime';
import { DataSource, type EntityManager } from 'typeorm';
import {
  activeOrganisation,
  type ListedOrganisation,
  organisationPage,
  ORGANISATIONS_SORT,
  rolesOf,
  upsertOrganisation,
  type Organisation,
} from './organisation.repository';

export type { Organisation } from './organisation.repository';

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
    await upsertOrganisation(this.dataSource.manager, { ...organisation, active });
  }

  /** One page of the directory, by name. */
  async list(page: ServicePage): Promise<Page<ListedOrganisation>> {
    const rows = await organisationPage(this.dataSource.manager, page);
    return pageFromRows({
      rows,
      limit: page.limit,
      positionOf: (row) => ({ key: row.name, id: row.id }),
      sort: ORGANISATIONS_SORT,
    });
  }

  /** The registry's role of each known id: what a plan party's role and cover by law follow. */
  async roles(ids: readonly string[]): Promise<Record<string, OrgRole>> {
    return rolesOf(this.dataSource.manager, ids);
  }

  async find(id: string, em?: EntityManager): Promise<Organisation | undefined> {
    return activeOrganisation(em ?? this.dataSource.manager, id);
  }

  /**
   * Refuses the command unless every id names a known, active organisation; `field` is the
   * command field the ids came from, as the refusal names it.
   */
  async assertKnown(
    em: EntityManager,
    request: { readonly orgIds: readonly string[]; readonly field: string },
  ): Promise<void> {
    for (const orgId of request.orgIds) {
      if ((await activeOrganisation(em, orgId)) === undefined) {
        throw new CommandValidationError(`${request.field}: unknown organisation`);
      }
    }
  }

  /**
   * The caller's organisation is active in the registry in the role its token names: the law
   * an organisation refers under follows from its registered role, never from a claim alone
   * (docs/auth.md, "Statutory roles come from the registry").
   */
  async assertRegisteredAs(
    em: EntityManager,
    caller: { readonly orgId: string; readonly orgRole: OrgRole },
  ): Promise<void> {
    const registered = await activeOrganisation(em, caller.orgId);
    if (registered === undefined) {
      throw new ForbiddenCommandError('your organisation is not in the organisation registry');
    }
    if (registered.role !== caller.orgRole) {
      throw new ForbiddenCommandError(
        `your organisation is registered as ${registered.role}, not ${caller.orgRole}`,
      );
    }
  }
}
