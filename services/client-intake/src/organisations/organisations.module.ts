import { Module } from '@nestjs/common';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationsHandler } from './organisations.handler';
import { OrganisationRegistry } from './organisation-registry';

/** The directory of organisations a referral, a consent or an action item may name. */
@Module({
  controllers: [OrganisationsHandler],
  providers: [OrganisationDirectory, OrganisationRegistry],
  exports: [OrganisationDirectory],
})
export class OrganisationsModule {}
