import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import {
  CLIENT_VOICE_RECORDED_V1,
  CLIENT_VOICE_VISIBILITY_BASIS,
  type ClientVoiceKind,
  type MeetingClientViewInput,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope } from '@polku/path-access';
import type { EntityManager } from 'typeorm';

/**
 * Writes one entry of client voice in the caller's transaction: its row (no text: the event
 * carries the words to the timeline) and ClientVoiceRecorded on the basis of the client's own
 * choice of who sees it (CLIENT_VOICE_VISIBILITY_BASIS). The contract screens the text for
 * identity codes. Shared by the entry recorded on its own and the view a meeting record carries.
 */
@Injectable()
export class ClientVoiceWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async record(
    em: EntityManager,
    request: {
      readonly principal: Principal;
      readonly pathId: string;
      readonly clientRef: string;
      readonly kind: ClientVoiceKind;
      readonly view: MeetingClientViewInput;
      readonly meetingId: string | undefined;
      readonly at: Date;
    },
  ): Promise<{ entryId: string }> {
    const { principal, pathId, kind, view, meetingId, at } = request;
    const entryId = randomUUID();
    const named = view.visibility === 'NAMED_ORGANISATIONS' ? (view.visibleToOrgIds ?? []) : null;
    await em.query(
      `INSERT INTO client_voice_entry (id, path_id, kind, author, visibility, visible_to_org_ids,
         meeting_id, recorded_by_org_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9)`,
      [
        entryId,
        pathId,
        kind,
        view.author,
        view.visibility,
        named,
        meetingId ?? null,
        principal.orgId,
        at,
      ],
    );
    await this.outbox.append(em, CLIENT_VOICE_RECORDED_V1.subject, {
      ...callerEnvelope({
        pathId,
        clientRef: request.clientRef,
        principal,
        basis: { kind: 'LEGAL_BASIS', code: CLIENT_VOICE_VISIBILITY_BASIS },
        correlationId: meetingId ?? entryId,
      }),
      occurredAt: at,
      data: {
        entryId,
        kind,
        author: view.author,
        text: view.text,
        visibility: view.visibility,
        ...(named === null ? {} : { visibleToOrgIds: [...named] }),
        ...(meetingId === undefined ? {} : { meetingId }),
      },
    });
    return { entryId };
  }
}
