import type { Principal } from '@polku/auth';
import { ACTION_ITEM_ASSIGNED_V1, CLIENT_REFERRED_V1, type EventEnvelope } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { newEvent } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import type { NotifyService } from './notify-service';

/** The envelope as its owner's outbox writer takes it (occurred now). */
function asNew<T>(envelope: EventEnvelope<T>): NewEvent<T> {
  const { pathId, clientRef, emitter, consentRef, legalBasis, data } = envelope;
  return { pathId, clientRef, emitter, consentRef, legalBasis, data };
}

/** Everything identity-like or free text an event carried, to look for in a mail. */
export type Traces = string[];

/** An agreed next step of a network meeting owned by `worker`, with a free-text description. */
export async function assignActionItem(
  service: NotifyService,
  worker: Principal,
  options: { readonly description?: string; readonly dueDate?: string } = {},
): Promise<Traces> {
  const event = newEvent(ACTION_ITEM_ASSIGNED_V1.subject, {
    pathId: randomUUID(),
    clientRef: `cr_${randomUUID().slice(0, 12)}`,
    data: {
      actionItemId: randomUUID(),
      meetingId: randomUUID(),
      ownerOrgId: worker.orgId,
      ownerWorkerId: worker.userId,
      description: options.description ?? 'Soitetaan työkokeilupaikkaan',
      ...(options.dueDate === undefined ? {} : { dueDate: options.dueDate }),
    },
  });
  await service.publish(ACTION_ITEM_ASSIGNED_V1.subject, asNew(event));
  return [
    event.pathId,
    event.clientRef,
    String(event.emitter.actorId),
    event.data.actionItemId,
    String(event.data.meetingId),
    event.data.description,
  ];
}

/** A referral to the worker's organisation, with its reference texts. */
export async function referTo(
  service: NotifyService,
  orgId: string,
  options: { readonly reference?: string; readonly priorInformationRef?: string } = {},
): Promise<Traces> {
  const base = newEvent(CLIENT_REFERRED_V1.subject);
  const event = newEvent(CLIENT_REFERRED_V1.subject, {
    pathId: randomUUID(),
    clientRef: `cr_${randomUUID().slice(0, 12)}`,
    data: {
      referralId: randomUUID(),
      toOrgId: orgId,
      fundingRef: {
        ...base.data.fundingRef,
        reference: options.reference ?? base.data.fundingRef.reference,
      },
      priorInformationRef: options.priorInformationRef ?? base.data.priorInformationRef,
    },
  });
  await service.publish(CLIENT_REFERRED_V1.subject, asNew(event));
  return [
    event.pathId,
    event.clientRef,
    String(event.emitter.actorId),
    event.data.referralId,
    event.data.fromOrgId,
    event.data.fundingRef.reference,
    String(event.data.priorInformationRef),
  ];
}

/** Waits until the organisation has `count` open items (the projection is asynchronous). */
export async function openItemsOfOrg(service: NotifyService, orgId: string): Promise<number> {
  const [{ count }] = await service.dataSource.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM open_work_item WHERE org_id = $1',
    [orgId],
  );
  return count;
}
