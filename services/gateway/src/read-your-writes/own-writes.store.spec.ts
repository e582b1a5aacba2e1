import type { Principal } from '@polku/auth';
import { OwnWritesStore } from './own-writes.store';

const ORG_A = '0190a000-0000-7000-8000-00000000000a';
const ORG_B = '0190a000-0000-7000-8000-00000000000b';

const person = (userId: string, orgId = ORG_A): Principal => ({
  userId,
  orgId,
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'https://login.example.fi',
});

const REFERRED = 'polku.intake.referral.client-referred.v1';
const PLAN_AGREED = 'polku.plans.plan.activation-plan-agreed.v1';
const gateway = { consumer: 'gateway', subjects: new Set([REFERRED]) };
const plans = { consumer: 'activation-plans', subjects: new Set([REFERRED, PLAN_AGREED]) };

function storeAt(
  clock: { now: number },
  overrides: Partial<{ maxPerCaller: number; maxCallers: number }> = {},
) {
  return new OwnWritesStore({
    ttlMs: 60_000,
    maxPerCaller: overrides.maxPerCaller ?? 64,
    maxCallers: overrides.maxCallers ?? 1000,
    now: () => clock.now,
  });
}

describe('the writes the gateway remembers per caller', () => {
  it('should give a caller’s write to each consumer of its subject and to no other', () => {
    const store = storeAt({ now: 0 });
    const anna = person('anna');
    store.remember(anna, [
      { id: 'e1', subject: REFERRED },
      { id: 'e2', subject: PLAN_AGREED },
    ]);
    expect(store.pendingFor(anna, gateway)).toEqual(['e1']);
    expect(store.pendingFor(anna, plans)).toEqual(['e1', 'e2']);
  });

  it('should not make user B wait for user A’s writes, nor A in another organisation', () => {
    const store = storeAt({ now: 0 });
    store.remember(person('anna'), [{ id: 'e1', subject: REFERRED }]);
    expect(store.pendingFor(person('bert'), gateway)).toEqual([]);
    expect(store.pendingFor(person('anna', ORG_B), gateway)).toEqual([]);
    expect(
      store.pendingFor({ ...person('anna'), issuer: 'https://other.example' }, gateway),
    ).toEqual([]);
  });

  it('should forget a write after the TTL when nothing asked for it', () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    const anna = person('anna');
    store.remember(anna, [{ id: 'e1', subject: REFERRED }]);
    clock.now = 59_999;
    expect(store.pendingFor(anna, gateway)).toEqual(['e1']);
    clock.now = 60_000;
    expect(store.pendingFor(anna, gateway)).toEqual([]);
  });

  it('should drop a caller whose writes all expired when someone writes later', () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    store.remember(person('anna'), [{ id: 'e1', subject: REFERRED }]);
    clock.now = 61_000;
    store.remember(person('bert'), [{ id: 'e2', subject: REFERRED }]);
    expect(store.callerCount).toBe(1);
  });

  it('should keep only the newest writes of a caller above the cap', () => {
    const store = storeAt({ now: 0 }, { maxPerCaller: 3 });
    const anna = person('anna');
    store.remember(
      anna,
      ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => ({ id, subject: REFERRED })),
    );
    expect(store.pendingFor(anna, gateway)).toEqual(['e3', 'e4', 'e5']);
  });

  it('should forget the caller who wrote least recently when there are too many callers', () => {
    const clock = { now: 0 };
    const store = storeAt(clock, { maxCallers: 2 });
    store.remember(person('anna'), [{ id: 'a', subject: REFERRED }]);
    clock.now = 1;
    store.remember(person('bert'), [{ id: 'b', subject: REFERRED }]);
    clock.now = 2;
    store.remember(person('anna'), [{ id: 'a2', subject: REFERRED }]);
    clock.now = 3;
    store.remember(person('cecilia'), [{ id: 'c', subject: REFERRED }]);
    expect(store.callerCount).toBe(2);
    expect(store.pendingFor(person('bert'), gateway)).toEqual([]);
    expect(store.pendingFor(person('anna'), gateway)).toEqual(['a', 'a2']);
  });

  it('should stop asking one consumer for a write it has awaited, while others still do', () => {
    const store = storeAt({ now: 0 });
    const anna = person('anna');
    store.remember(anna, [{ id: 'e1', subject: REFERRED }]);
    store.settle(anna, 'gateway', ['e1']);
    expect(store.pendingFor(anna, gateway)).toEqual([]);
    expect(store.pendingFor(anna, plans)).toEqual(['e1']);
  });
});
