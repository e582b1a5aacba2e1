import type { Principal } from '@polku/auth';
import { type CreateReferralResult, encodeCursor, INTAKE_COMMANDS } from '@polku/contracts';
import { randomUUID } from 'node:crypto';
import { REFERRALS_SORT } from '../src/referrals/referral.repository';
import {
  caseworkerOf,
  ORGS,
  referralOf,
  startIntakeService,
  type IntakeService,
} from './support/intake-service';

// Every list of client-intake pages (issue 15): walked page by page through the real service
// on NATS and PostgreSQL, the pages are disjoint and together the whole list in its order; a
// limit above 100 and a cursor of another list are refused before any SQL runs.
const employment = caseworkerOf('employmentArea');
const social = caseworkerOf('socialServices');
const LIMIT = 2;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('paging of the lists of client-intake', () => {
  let intake: IntakeService;
  let pathId: string;
  let referralIds: string[];

  beforeAll(async () => {
    intake = await startIntakeService();
    // One client referred three times by the owner of its path, each receiver declining before
    // the next referral (a referral waiting for its answer refuses the next): three referrals
    // on one path.
    const referrals: CreateReferralResult[] = [];
    for (const receiver of ['tyonsilta', 'kumppaniksi', 'tyonsilta'] as const) {
      const referral = await intake.ask<CreateReferralResult>(
        INTAKE_COMMANDS.createReferral,
        employment,
        referralOf('010190-123M', ORGS[receiver].id),
      );
      referrals.push(referral);
      await declineAs(receiver, referral);
    }
    pathId = referrals[0].pathId;
    referralIds = referrals.map((referral) => referral.referralId);
    expect(new Set(referrals.map((referral) => referral.pathId)).size).toBe(1);
  });

  afterAll(async () => {
    await intake.close();
  });

  /** The receiver declines the referral, so that its referrer may refer the client again. */
  async function declineAs(
    receiver: 'tyonsilta' | 'kumppaniksi',
    referral: CreateReferralResult,
  ): Promise<void> {
    await intake.ask(INTAKE_COMMANDS.declineReferral, caseworkerOf(receiver), {
      id: referral.referralId,
      pathId: referral.pathId,
      referralId: referral.referralId,
      expectedVersion: 1,
      body: { reasonCategory: 'NO_CAPACITY' },
    });
  }

  /** Every page of a list, asked with `limit` until nextCursor is null. */
  async function allPages<T>(
    subject: string,
    principal: Principal,
    payload: object,
    limit = LIMIT,
  ): Promise<Page<T>[]> {
    const pages: Page<T>[] = [];
    let cursor: string | undefined;
    do {
      const page = await intake.ask<Page<T>>(subject, principal, {
        ...payload,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 50);
    return pages;
  }

  /** The pages hold at most `limit` items each, none twice, and end with a null cursor. */
  function expectDisjointPages<T>(pages: readonly Page<T>[], key: (item: T) => string): string[] {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.items.length).toBeLessThanOrEqual(LIMIT);
    }
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const keys = pages.flatMap((page) => page.items.map(key));
    expect(new Set(keys).size).toBe(keys.length);
    return keys;
  }

  it('should page the referrals of a path oldest first, disjoint and complete', async () => {
    const pages = await allPages<{ referralId: string }>(
      INTAKE_COMMANDS.listReferrals,
      employment,
      {
        pathId,
      },
    );

    expect(expectDisjointPages(pages, (item) => item.referralId)).toEqual(referralIds);
  });

  it('should page the consents of a path oldest first, disjoint and complete', async () => {
    for (const dataClasses of [['PATH'], ['PLAN'], ['HEALTH_FLAG']]) {
      await intake.ask(INTAKE_COMMANDS.grantConsent, employment, {
        pathId,
        body: {
          orgIds: [ORGS.tyonsilta.id],
          dataClasses,
          howGiven: 'WRITTEN',
          purpose: 'CLIENT_WORK',
        },
      });
    }

    const pages = await allPages<{ consentId: string; dataClasses: string[] }>(
      INTAKE_COMMANDS.listConsents,
      employment,
      { pathId },
    );

    expectDisjointPages(pages, (item) => item.consentId);
    expect(pages.flatMap((page) => page.items.map((item) => item.dataClasses))).toEqual([
      ['PATH'],
      ['PLAN'],
      ['HEALTH_FLAG'],
    ]);
  });

  it('should page the open tasks soonest due first, ties by id, disjoint and complete', async () => {
    // Social services owns a client's open path; three referrals of that client by another
    // organisation each give the owner a LINK_REFERRAL task due the same day.
    await intake.ask(
      INTAKE_COMMANDS.createReferral,
      social,
      referralOf('150285-2465', ORGS.tyonsilta.id),
    );
    // Each declined before the next: the held path takes one referral at a time too.
    const held: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const referral = await intake.ask<CreateReferralResult>(
        INTAKE_COMMANDS.createReferral,
        employment,
        referralOf('150285-2465', ORGS.kumppaniksi.id),
      );
      held.push(referral.referralId);
      await declineAs('kumppaniksi', referral);
    }

    const pages = await allPages<{ taskId: string; referralId: string; dueDate: string }>(
      INTAKE_COMMANDS.listTasks,
      social,
      {},
    );

    const items = pages.flatMap((page) => page.items);
    expectDisjointPages(pages, (item) => item.taskId);
    expect(items.map((item) => item.referralId).sort()).toEqual([...held].sort());
    const order = (item: { dueDate: string; taskId: string }) => `${item.dueDate} ${item.taskId}`;
    expect(items.map(order)).toEqual(items.map(order).sort());
  });

  it('should page the organisations by name, ties by id, disjoint and complete', async () => {
    // Two organisations of the same name: the id breaks the tie, also across a page boundary.
    for (let index = 0; index < 2; index += 1) {
      await intake.dataSource.query(
        `INSERT INTO organisation (id, name, role, active) VALUES ($1, 'Same name', 'PROVIDER', true)`,
        [randomUUID()],
      );
    }
    const expected = (
      await intake.dataSource.query<{ id: string }[]>(
        'SELECT id FROM organisation ORDER BY name, id',
      )
    ).map((row) => row.id);

    const pages = await allPages<{ id: string }>(INTAKE_COMMANDS.listOrganisations, employment, {});

    expect(expectDisjointPages(pages, (item) => item.id)).toEqual(expected);
  });

  it.each([
    ['referrals', INTAKE_COMMANDS.listReferrals],
    ['consents', INTAKE_COMMANDS.listConsents],
    ['tasks', INTAKE_COMMANDS.listTasks],
    ['organisations', INTAKE_COMMANDS.listOrganisations],
  ])('should refuse the %s with limit 101, and without a limit', async (_name, subject) => {
    for (const limit of [101, undefined, 0]) {
      expect(await intake.askError(subject, employment, { pathId, limit })).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('should refuse a cursor of another list, and a crafted position, as invalid cursors', async () => {
    const referralsPage = await intake.ask<Page<unknown>>(
      INTAKE_COMMANDS.listReferrals,
      employment,
      {
        pathId,
        limit: 1,
      },
    );
    const crafted = encodeCursor(
      { key: "2025-01-01'; SELECT pg_sleep(5); --", id: 'not-a-uuid' },
      { sort: REFERRALS_SORT },
    );

    for (const [subject, cursor] of [
      [INTAKE_COMMANDS.listConsents, referralsPage.nextCursor],
      [INTAKE_COMMANDS.listOrganisations, referralsPage.nextCursor],
      [INTAKE_COMMANDS.listTasks, referralsPage.nextCursor],
      [INTAKE_COMMANDS.listReferrals, crafted],
    ] as const) {
      expect(
        await intake.askError(subject, employment, { pathId, limit: 5, cursor }),
      ).toMatchObject({ code: 'INVALID_CURSOR' });
    }
  });
});
