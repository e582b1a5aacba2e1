import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import { pathAccessSubscriptions } from '@polku/path-access';

describe('gateway on the bus', () => {
  it('consumes exactly the event subjects the permission matrix lets it consume', () => {
    const consumed = pathAccessSubscriptions().map((subscription) => subscription.subject);

    expect([...consumed].sort()).toEqual([...CONSUMED_EVENT_SUBJECTS.gateway].sort());
  });
});
