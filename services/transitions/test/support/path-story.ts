import { randomUUID } from 'node:crypto';
import type { Principal, UserRole } from '@polku/auth';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  REFERRAL_ACCEPTED_V1,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { newOutboxEvent, waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf, type IsoDate } from '@polku/timers';
import type { PathState, PathStateName } from '../../src/path';
import type { PathView } from '../../src/paths/path.view';
import type { TransitionsService } from './transitions-service';

/** A person of an organisation, as the gateway’s internal token carries one. */
export function personOf(
  orgId: string,
  orgRole: Principal['orgRole'],
  role: UserRole = 'CASEWORKER',
): Principal {
  return {
    userId: `user-${randomUUID().slice(0, 8)}`,
    orgId,
    orgRole,
    roles: [role],
    issuer: 'polku-test',
  };
}

export function today(): IsoDate {
  return finnishDateOf(new Date());
}

export function daysFromToday(days: number): IsoDate {
  return addCalendarDays(today(), days);
}

/**
 * One client's path told through the events client-intake and activation-plans publish (over
 * the real stream), and the organisations around it: the employment authority refers the client
 * to a provider, which may hand them on to a receiver.
 */
export class PathStory {
  readonly pathId = randomUUID();
  readonly clientRef = `client-${randomUUID().slice(0, 8)}`;
  readonly measureId = randomUUID();
  /** The referral's id: its acceptance names it (transitions matches answers by it). */
  readonly referralId = randomUUID();
  readonly employmentAuthority = personOf(randomUUID(), 'EMPLOYMENT_AUTHORITY');
  readonly provider = personOf(randomUUID(), 'PROVIDER');
  readonly receiver = personOf(randomUUID(), 'PROVIDER');
  readonly outsider = personOf(randomUUID(), 'PROVIDER');

  constructor(private readonly service: TransitionsService) {}

  private emitterOf(by: Principal): NewEvent<unknown>['emitter'] {
    return { orgId: by.orgId, orgRole: by.orgRole, actorId: by.userId, actorRole: 'CASEWORKER' };
  }

  /** The same event for this path, emitted by `by`. */
  private of<T>(event: NewEvent<T>, by: Principal): NewEvent<T> {
    return {
      ...event,
      pathId: this.pathId,
      clientRef: this.clientRef,
      emitter: this.emitterOf(by),
    };
  }

  async referred(): Promise<void> {
    const event = newOutboxEvent(CLIENT_REFERRED_V1.subject, {
      data: {
        referralId: this.referralId,
        fromOrgId: this.employmentAuthority.orgId,
        toOrgId: this.provider.orgId,
      },
    });
    await this.service.publish(
      CLIENT_REFERRED_V1.subject,
      this.of(event, this.employmentAuthority),
    );
  }

  async accepted(): Promise<void> {
    await this.service.publish(
      REFERRAL_ACCEPTED_V1.subject,
      this.of(
        {
          pathId: this.pathId,
          clientRef: this.clientRef,
          emitter: this.emitterOf(this.provider),
          legalBasis: 'Act on Organising Employment Services 380/2023',
          data: {
            referralId: this.referralId,
            acceptedByOrgId: this.provider.orgId,
            expectedStart: daysFromToday(7),
          },
        },
        this.provider,
      ),
    );
  }

  async intakeCompleted(): Promise<void> {
    await this.service.publish(
      INTAKE_COMPLETED_V1.subject,
      this.of(newOutboxEvent(INTAKE_COMPLETED_V1.subject), this.provider),
    );
  }

  async planAgreed(): Promise<void> {
    const event = newOutboxEvent(ACTIVATION_PLAN_AGREED_V1.subject, {
      data: {
        parties: [
          { orgId: this.employmentAuthority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: this.provider.orgId, role: 'PROVIDER' },
        ],
        linkedPlans: [],
        reviewDate: daysFromToday(180),
      },
    });
    await this.service.publish(
      ACTIVATION_PLAN_AGREED_V1.subject,
      this.of(event, this.employmentAuthority),
    );
  }

  /** The path's one plan revised by `by`, e.g. the receiver after a hand-off. */
  async planRevised(by: Principal): Promise<void> {
    const event = newOutboxEvent(ACTIVATION_PLAN_REVISED_V1.subject, {
      data: { changed: ['GOALS'], reasonCategory: 'TRANSITION', reviewDate: daysFromToday(180) },
    });
    await this.service.publish(ACTIVATION_PLAN_REVISED_V1.subject, this.of(event, by));
  }

  async measureStarted(
    plannedEndDate: IsoDate = daysFromToday(60),
    measureId: string = this.measureId,
  ): Promise<void> {
    const event = newOutboxEvent(MEASURE_STARTED_V1.subject, {
      data: { measureId },
    });
    await this.service.publish(
      MEASURE_STARTED_V1.subject,
      this.of(
        {
          ...event,
          data: {
            ...event.data,
            schedule: { ...event.data.schedule, startDate: today(), plannedEndDate },
          },
        },
        this.provider,
      ),
    );
  }

  /** The measure paused; `expectedResume: null` names no date to resume by. */
  async measurePaused({
    expectedResume = daysFromToday(14),
  }: { readonly expectedResume?: IsoDate | null } = {}): Promise<void> {
    await this.service.publish(
      MEASURE_PAUSED_V1.subject,
      this.of(
        newOutboxEvent(MEASURE_PAUSED_V1.subject, {
          data: {
            measureId: this.measureId,
            pausedAt: new Date().toISOString(),
            // The sample names a date; undefined leaves it out of the published JSON.
            expectedResume: expectedResume ?? undefined,
          },
        }),
        this.provider,
      ),
    );
  }

  async measureResumed(): Promise<void> {
    await this.service.publish(
      MEASURE_RESUMED_V1.subject,
      this.of(
        newOutboxEvent(MEASURE_RESUMED_V1.subject, {
          data: { measureId: this.measureId, resumedAt: new Date().toISOString() },
        }),
        this.provider,
      ),
    );
  }

  async measureEnded(): Promise<void> {
    await this.service.publish(
      MEASURE_ENDED_V1.subject,
      this.of(
        newOutboxEvent(MEASURE_ENDED_V1.subject, {
          data: { measureId: this.measureId, endDate: today() },
        }),
        this.provider,
      ),
    );
  }

  /** The path as its accountable organisation's caseworker reads it. */
  view(by: Principal = this.provider): Promise<PathView> {
    return this.service.ask<PathView>(TRANSITION_COMMANDS.getPath, by, {
      pathId: this.pathId,
    });
  }

  /** The path's version as `by` reads it: what a client sends as If-Match (expectedVersion). */
  async version(by: Principal = this.provider): Promise<number> {
    return (await this.view(by)).version;
  }

  /** Waits until the path's row is in `state` (events arrive through the stream). */
  async reaches(state: PathStateName, extra: (path: PathState) => boolean = () => true) {
    let last = 'no row';
    const rows = () =>
      this.service.dataSource.query<{ data: PathState }[]>(
        'SELECT data FROM path_course WHERE path_id = $1',
        [this.pathId],
      );
    await waitFor(
      async () => {
        const [row] = await rows();
        last = row === undefined ? 'no row' : row.data.state;
        return row !== undefined && row.data.state === state && extra(row.data);
      },
      { description: () => `path in ${state} (last ${last})` },
    );
  }

  /** Client-intake's and activation-plans' events up to a running measure. */
  async untilInMeasure(): Promise<void> {
    await this.referred();
    await this.reaches('REFERRED');
    await this.accepted();
    await this.reaches('INTAKE');
    await this.intakeCompleted();
    await this.reaches('PLANNING');
    await this.planAgreed();
    await this.reaches('PLANNING', (path) => path.nextStep?.kind === 'START_MEASURE');
    await this.measureStarted();
    await this.reaches('IN_MEASURE');
  }

  async untilIntake(): Promise<void> {
    await this.referred();
    await this.reaches('REFERRED');
    await this.accepted();
    await this.reaches('INTAKE');
  }
}
