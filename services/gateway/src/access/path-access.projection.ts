import { Injectable } from '@nestjs/common';
import type { EventSubscription } from '@polku/messaging';
import { PATH_ACCESS_EVENT_SUBJECTS, projectPathAccessEvent } from '@polku/path-access';

/**
 * The gateway's subscriptions to the sources of path access: referrals, consents and the
 * parties of each activation plan (@polku/path-access keeps one row per source, so events may
 * arrive in any order). Runs in the consumer's transaction, so each event is applied exactly
 * once with its inbox row.
 */
@Injectable()
export class PathAccessProjection {
  subscriptions(): EventSubscription[] {
    return PATH_ACCESS_EVENT_SUBJECTS.map((subject) => ({
      subject,
      handle: ({ envelope }, em) => projectPathAccessEvent(em, envelope),
    }));
  }
}
