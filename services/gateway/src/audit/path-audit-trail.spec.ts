import { pathAuditTrailView, type PathAuditRow } from './path-audit-trail';

const OWNER_ORG = '00000000-0000-4000-8000-000000000001';
const PROVIDER_ORG = '00000000-0000-4000-8000-000000000002';

const row = (overrides: Partial<PathAuditRow>): PathAuditRow => ({
  recorded_at: new Date('2026-12-01T10:00:00.000Z'),
  user_id: 'worker',
  org_id: OWNER_ORG,
  org_role: 'EMPLOYMENT_AUTHORITY',
  user_roles: ['CASEWORKER'],
  action: 'READ',
  outcome: 'DONE',
  route: 'GET /api/v1/paths/:pathId',
  data_classes: ['PATH'],
  purpose: 'CLIENT_WORK',
  relations: ['OWNER'],
  basis: null,
  request_id: 'request',
  ...overrides,
});

describe('pathAuditTrailView', () => {
  it('should fold the reads of other organisations into one disclosure each, with every basis and data class', () => {
    const view = pathAuditTrailView('path', [
      row({
        org_id: PROVIDER_ORG,
        relations: ['PLAN_PARTY'],
        basis: 'consent:b',
        data_classes: ['PLAN'],
        recorded_at: new Date('2026-12-03T10:00:00.000Z'),
      }),
      row({
        org_id: PROVIDER_ORG,
        relations: ['PLAN_PARTY'],
        basis: 'consent:a',
        data_classes: ['PATH'],
        recorded_at: new Date('2026-12-02T10:00:00.000Z'),
      }),
      row({}),
    ]);
    expect(view.records).toHaveLength(3);
    expect(view.disclosures).toEqual([
      {
        orgId: PROVIDER_ORG,
        orgRole: 'EMPLOYMENT_AUTHORITY',
        bases: ['consent:a', 'consent:b'],
        dataClasses: ['PATH', 'PLAN'],
        reads: 2,
        firstAt: '2026-12-02T10:00:00.000Z',
        lastAt: '2026-12-03T10:00:00.000Z',
      },
    ]);
  });

  it('should not count writes, failed reads or the owner’s own reads as disclosures', () => {
    const view = pathAuditTrailView('path', [
      row({}),
      row({ org_id: PROVIDER_ORG, relations: ['RECEIVER'], action: 'WRITE' }),
      row({ org_id: PROVIDER_ORG, relations: ['RECEIVER'], outcome: 'FAILED' }),
    ]);
    expect(view.disclosures).toEqual([]);
  });
});
