import { actorRoleOf, type Principal } from '@polku/auth';
import { finnishDateOf, type IsoDate } from '@polku/timers';
import type { PathActor } from '../path';

/** Who acts, and on which Finnish day. */
export interface Caller {
  readonly actor: PathActor;
  readonly at: IsoDate;
}

/** The principal as the machine's actor, acting today (Finnish time). */
export function callerOf(principal: Principal, now: Date = new Date()): Caller {
  return {
    actor: {
      orgId: principal.orgId,
      workerId: principal.userId,
      role: actorRoleOf(principal.roles),
    },
    at: finnishDateOf(now),
  };
}
