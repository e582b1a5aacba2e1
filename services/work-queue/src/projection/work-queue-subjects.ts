import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';

/**
 * The subjects the work queue consumes, one durable consumer each: every event of the table of
 * docs/work-queue.md ("What lands where") and those the caseload card is made of. Declared in
 * libs/bus-permissions (the server configuration needs no service code).
 */
export const WORK_QUEUE_EVENT_SUBJECTS: readonly string[] = CONSUMED_EVENT_SUBJECTS['work-queue'];
