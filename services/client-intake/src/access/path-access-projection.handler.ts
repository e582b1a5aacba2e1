import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
} from '@polku/contracts';
import { pathAccessProjectionHandler } from '@polku/path-access';

/**
 * client-intake's access projection of other services' events: hand-offs, ownership and plan
 * parties, so that access (and who sees the full identity) follows a completed hand-off. Its own
 * events are not consumed: client-intake reads its own referral, link and consent records, which
 * change in the transaction that writes the event (a withdrawal hides at once).
 */
export const IntakePathAccessProjectionHandler = pathAccessProjectionHandler({
  except: [
    CLIENT_REFERRED_V1.subject,
    REFERRAL_ACCEPTED_V1.subject,
    REFERRAL_DECLINED_V1.subject,
    REFERRAL_LINKED_V1.subject,
    CONSENT_GRANTED_V1.subject,
    CONSENT_WITHDRAWN_V1.subject,
  ],
});
