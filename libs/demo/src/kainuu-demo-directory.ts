// Demo organisations and users of Kainuu for the built-in development issuer and for tests.
// Names follow the post-2025 organisation of services (docs/domain.md §1.5): the employment
// authority is the Kainuu employment area, social and health services are the wellbeing
// services county. The providers are two of the Kainuu organisations studied in source 004.
// Never loaded when NODE_ENV=production: services import it only where demo mode is wired.
import type { OrgRole, UserRole } from '@polku/auth';

/** An organisation of the demo directory. */
export interface DemoOrganisation {
  readonly id: string;
  readonly name: string;
  readonly role: OrgRole;
}

/** A person of the demo directory, who can get a token from the gateway's demo issuer. */
export interface DemoUser {
  /** What a demo user types to get a token. */
  readonly username: string;
  /** Pseudonymous subject (`sub`) of the user's tokens. */
  readonly userId: string;
  readonly displayName: string;
  readonly orgId: string;
  readonly roles: readonly UserRole[];
}

/** The seeded Kainuu organisations, by a short name tests and the launcher refer to. */
export const DEMO_ORGANISATIONS = {
  employmentArea: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a01',
    name: 'Kainuun työllisyysalue (Kajaani)',
    role: 'EMPLOYMENT_AUTHORITY',
  },
  socialServices: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a02',
    name: 'Kainuun hyvinvointialue, aikuissosiaalityö',
    role: 'SOCIAL_SERVICES',
  },
  typ: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a03',
    name: 'TYP Kainuu',
    role: 'JOINT_SERVICE_TYP',
  },
  tyonsilta: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a04',
    name: 'Työnsilta (Kuhmo)',
    role: 'PROVIDER',
  },
  kumppaniksi: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a05',
    name: 'Kumppaniksi ry',
    role: 'PROVIDER',
  },
  healthCentre: {
    id: '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a06',
    name: 'Kainuun hyvinvointialue, Kajaanin terveysasema',
    role: 'HEALTH_CARE',
  },
} as const satisfies Record<string, DemoOrganisation>;

const org = DEMO_ORGANISATIONS;

/** The seeded demo users, one or more per organisation and role. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'tiina.tyollisyys',
    userId: 'demo-user-01',
    displayName: 'Tiina (työllisyysasiantuntija)',
    orgId: org.employmentArea.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'pekka.esihenkilo',
    userId: 'demo-user-02',
    displayName: 'Pekka (tiiminvetäjä)',
    orgId: org.employmentArea.id,
    roles: ['TEAM_LEAD'],
  },
  {
    username: 'marja.johtaja',
    userId: 'demo-user-03',
    displayName: 'Marja (palvelupäällikkö)',
    orgId: org.employmentArea.id,
    roles: ['MANAGER'],
  },
  {
    username: 'sanna.sosiaalityo',
    userId: 'demo-user-04',
    displayName: 'Sanna (sosiaalityöntekijä)',
    orgId: org.socialServices.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'timo.typ',
    userId: 'demo-user-05',
    displayName: 'Timo (TYP-asiantuntija)',
    orgId: org.typ.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'ville.tyonsilta',
    userId: 'demo-user-06',
    displayName: 'Ville (työvalmentaja, Työnsilta)',
    orgId: org.tyonsilta.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'terhi.tyonsilta',
    userId: 'demo-user-10',
    displayName: 'Terhi (tiiminvetäjä, Työnsilta)',
    orgId: org.tyonsilta.id,
    roles: ['TEAM_LEAD'],
  },
  {
    username: 'mikko.tyonsilta',
    userId: 'demo-user-11',
    displayName: 'Mikko (toiminnanjohtaja, Työnsilta)',
    orgId: org.tyonsilta.id,
    roles: ['MANAGER'],
  },
  {
    username: 'kaisa.kumppaniksi',
    userId: 'demo-user-07',
    displayName: 'Kaisa (yksilövalmentaja, Kumppaniksi)',
    orgId: org.kumppaniksi.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'olli.yllapito',
    userId: 'demo-user-09',
    displayName: 'Olli (pääkäyttäjä)',
    orgId: org.employmentArea.id,
    roles: ['ADMIN'],
  },
  {
    username: 'rea.rekisteri',
    userId: 'demo-user-12',
    displayName: 'Rea (organisaatiorekisterin ylläpitäjä)',
    orgId: org.employmentArea.id,
    roles: ['REGISTRY_ADMIN'],
  },
  {
    username: 'helena.terveysasema',
    userId: 'demo-user-08',
    displayName: 'Helena (terveydenhoitaja)',
    orgId: org.healthCentre.id,
    roles: ['CASEWORKER'],
  },
  // A second caseworker where the demo data generator (tools/demo) gives most clients, and a
  // manager of every organisation, who reads its dashboards (docs/dashboards.md). Listed last,
  // so the first caseworker of each organisation stays the one tests find.
  {
    username: 'jukka.tyollisyys',
    userId: 'demo-user-13',
    displayName: 'Jukka (työllisyysasiantuntija)',
    orgId: org.employmentArea.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'riikka.sosiaalityo',
    userId: 'demo-user-14',
    displayName: 'Riikka (sosiaalityöntekijä)',
    orgId: org.socialServices.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'anni.tyonsilta',
    userId: 'demo-user-15',
    displayName: 'Anni (työvalmentaja, Työnsilta)',
    orgId: org.tyonsilta.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'kalle.kumppaniksi',
    userId: 'demo-user-16',
    displayName: 'Kalle (työvalmentaja, Kumppaniksi)',
    orgId: org.kumppaniksi.id,
    roles: ['CASEWORKER'],
  },
  {
    username: 'leena.sosiaalijohtaja',
    userId: 'demo-user-17',
    displayName: 'Leena (sosiaalityön johtaja)',
    orgId: org.socialServices.id,
    roles: ['MANAGER'],
  },
  {
    username: 'tuula.typ',
    userId: 'demo-user-18',
    displayName: 'Tuula (TYP:n esihenkilö)',
    orgId: org.typ.id,
    roles: ['MANAGER'],
  },
  {
    username: 'kirsi.kumppaniksi',
    userId: 'demo-user-19',
    displayName: 'Kirsi (toiminnanjohtaja, Kumppaniksi)',
    orgId: org.kumppaniksi.id,
    roles: ['MANAGER'],
  },
  {
    username: 'hannu.terveysasema',
    userId: 'demo-user-20',
    displayName: 'Hannu (osastonhoitaja)',
    orgId: org.healthCentre.id,
    roles: ['MANAGER'],
  },
];

/** The organisation of a demo user (every demo user has one). */
export function demoOrganisationOf(user: DemoUser): DemoOrganisation {
  const found = Object.values(DEMO_ORGANISATIONS).find((candidate) => candidate.id === user.orgId);
  if (found === undefined) {
    throw new Error(`demo user ${user.username} names an unknown organisation`);
  }
  return found;
}
