import { heldPath, joinedPath, newPathAfter } from './path-entry-rules';

const OPEN_ID = '00000000-0000-4000-8000-000000000001';
const PREVIOUS_ID = '00000000-0000-4000-8000-000000000002';
const NEW_ID = '00000000-0000-4000-8000-000000000003';
const OWNER_ID = '00000000-0000-4000-8000-0000000000a1';

describe('path entry rules', () => {
  it('should join the open path as it is when the client has one', () => {
    expect(joinedPath({ id: OPEN_ID, loop_count: 2, owner_org_id: OWNER_ID })).toEqual({
      id: OPEN_ID,
      created: false,
      previousPathId: null,
      loopCount: 2,
      monthsSinceExit: 0,
      heldFrom: null,
    });
  });

  it('should open a first path with no loop when the client never had one', () => {
    expect(newPathAfter(NEW_ID, undefined)).toEqual({
      id: NEW_ID,
      created: true,
      previousPathId: null,
      loopCount: 0,
      monthsSinceExit: 0,
      heldFrom: null,
    });
  });

  it('should link a new path to the one left, one loop further, when the client comes back', () => {
    expect(newPathAfter(NEW_ID, { id: PREVIOUS_ID, loop_count: 1, months_since_exit: 7 })).toEqual({
      id: NEW_ID,
      created: true,
      previousPathId: PREVIOUS_ID,
      loopCount: 2,
      monthsSinceExit: 7,
      heldFrom: null,
    });
  });

  it('should hold a referral on a path of its own, like a first path, when another organisation owns the open one', () => {
    expect(heldPath(NEW_ID, { pathId: OPEN_ID, ownerOrgId: OWNER_ID })).toEqual({
      id: NEW_ID,
      created: true,
      previousPathId: null,
      loopCount: 0,
      monthsSinceExit: 0,
      heldFrom: { pathId: OPEN_ID, ownerOrgId: OWNER_ID },
    });
  });
});
