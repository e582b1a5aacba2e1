import { randomUUID } from 'node:crypto';
import { systemEmitter } from '@polku/auth';
import { eventContractFor, validateEvent } from '@polku/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { ContractEvent } from './contract-events';

/**
 * Every problem the outbox would find with this event's payload, checked in an envelope of its
 * own: for start-up checks and tests that prove a decision never fails at the outbox.
 */
export function contractEventProblems(event: ContractEvent): string[] {
  const contract = eventContractFor(event.subject);
  if (contract === undefined) {
    return [`no contract is registered for ${event.subject}`];
  }
  const result = validateEvent(event.subject, {
    id: uuidv7(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    pathId: randomUUID(),
    clientRef: 'client-check',
    emitter: systemEmitter('transitions:contract-check'),
    correlationId: randomUUID(),
    dataClass: contract.dataClass,
    legalBasis: 'contract check',
    data: event.data,
  });
  return result.ok ? [] : result.errors;
}
