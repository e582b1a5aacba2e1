import { decodeCursor, encodeCursor } from '@polku/contracts';
import { AUDIT_TRAIL_SORT, auditRecordView, disclosureView } from './path-audit-trail';

describe('path audit trail views', () => {
  it('should tell each class that was disclosed with its basis, the rows and both request ids', () => {
    const view = auditRecordView({
      id: '17',
      recorded_at: new Date('2026-12-01T10:00:00.000Z'),
      user_id: 'worker',
      org_id: 'org',
      org_role: 'EMPLOYMENT_AUTHORITY',
      user_roles: ['CASEWORKER'],
      action: 'READ',
      outcome: 'DONE',
      route: 'GET /api/v1/paths/:pathId/client',
      data_classes: ['PATH', 'IDENTITY'],
      class_bases: [
        { dataClass: 'PATH', basis: 'law:x' },
        { dataClass: 'IDENTITY', basis: 'owner' },
      ],
      row_count: null,
      purpose: 'CLIENT_WORK',
      basis: 'law:x',
      request_id: 'gateway-id',
      correlation_id: 'client-id',
    });

    expect(view).toMatchObject({
      recordedAt: '2026-12-01T10:00:00.000Z',
      dataClasses: ['PATH', 'IDENTITY'],
      disclosed: [
        { dataClass: 'PATH', basis: 'law:x' },
        { dataClass: 'IDENTITY', basis: 'owner' },
      ],
      requestId: 'gateway-id',
      correlationId: 'client-id',
    });
  });

  it('should give dates of a disclosure as ISO text', () => {
    expect(
      disclosureView({
        org_id: 'org',
        org_role: 'SERVICE_PROVIDER',
        reads: 2,
        first_at: new Date('2026-12-02T10:00:00.000Z'),
        last_at: new Date('2026-12-03T10:00:00.000Z'),
        data_classes: ['PATH'],
        bases: ['consent:a'],
      }),
    ).toEqual({
      orgId: 'org',
      orgRole: 'SERVICE_PROVIDER',
      bases: ['consent:a'],
      dataClasses: ['PATH'],
      reads: 2,
      firstAt: '2026-12-02T10:00:00.000Z',
      lastAt: '2026-12-03T10:00:00.000Z',
    });
  });

  it('should keep audit-trail cursors apart from the cursors of other lists', () => {
    const cursor = encodeCursor({ key: '5', id: '5' }, { sort: AUDIT_TRAIL_SORT });
    expect(decodeCursor(cursor, { sort: AUDIT_TRAIL_SORT })).toEqual({ key: '5', id: '5' });
    expect(() => decodeCursor(cursor)).toThrow(/another ordering/);
  });
});
