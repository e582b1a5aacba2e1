import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { RecordClientVoiceCommand } from '@polku/contracts';
import { checkPathAccess, clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { assertNoViolations } from '../meetings/meeting-rules';
import { meetingOfPath } from '../meetings/meeting.repository';
import { clientVoiceViolations } from './client-voice-rules';
import { ClientVoiceWriter } from './client-voice-writer';

/**
 * The client's own words, recorded by the client's worker with the visibility the client chose.
 * The organisations the client names need not be parties of the path: the timeline shows the
 * entry only to those that are current parties (docs/meetings.md).
 */
@Injectable()
export class ClientVoiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ClientVoiceWriter,
  ) {}

  async record(
    principal: Principal,
    request: { pathId: string; command: RecordClientVoiceCommand },
  ) {
    const { pathId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      // Any party that sees the path records the client's words with the client: the entry's
      // basis is the client's own choice of who sees it, not a consent for CLIENT_VOICE, the same
      // rule the timeline reads it by (docs/meetings.md, client voice).
      await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const meetingFound =
        command.meetingId !== undefined &&
        (await meetingOfPath(em, { pathId, meetingId: command.meetingId })) !== undefined;
      assertNoViolations(
        clientVoiceViolations({ kind: command.kind, meetingId: command.meetingId, meetingFound }),
        'entry',
      );
      const at = new Date();
      const { entryId } = await this.writer.record(em, {
        principal,
        pathId,
        clientRef: await clientRefOfPath(em, pathId),
        kind: command.kind,
        view: command,
        meetingId: command.meetingId,
        at,
      });
      return {
        entryId,
        pathId,
        kind: command.kind,
        author: command.author,
        visibility: command.visibility,
        visibleToOrgIds:
          command.visibility === 'NAMED_ORGANISATIONS' ? command.visibleToOrgIds : null,
        meetingId: command.meetingId ?? null,
        recordedByOrgId: principal.orgId,
        recordedAt: at.toISOString(),
      };
    });
  }
}
