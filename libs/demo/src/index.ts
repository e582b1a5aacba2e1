export {
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  demoOrganisationOf,
  type DemoOrganisation,
  type DemoUser,
} from './kainuu-demo-directory';
