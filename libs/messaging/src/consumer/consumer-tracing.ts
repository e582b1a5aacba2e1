import type { JsMsg } from '@nats-io/jetstream';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { contextFromNatsHeaders } from '../tracing/trace-headers';
import type { BatchMode } from './batch-outcome';

const tracer = trace.getTracer('polku.messaging');

/** Whose consumer span: the subscription's subject and the durable consumer it runs on. */
interface ConsumerSpanBase {
  readonly subject: string;
  readonly durable: string;
}

/** The consumer span of one event. */
export interface EventSpanOptions extends ConsumerSpanBase {
  readonly msg: JsMsg;
  readonly eventId: string;
}

/** The consumer span of several events handed to a batch handler in one call. */
export interface BatchSpanOptions extends ConsumerSpanBase {
  readonly msgs: readonly JsMsg[];
}

/**
 * Runs `work` in the consumer span of one event, ended when the work settles. The span is a
 * child of the producer's (one trace per hand-off chain) and links it.
 */
export function inEventSpan<T>(
  options: EventSpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const producerContext = contextFromNatsHeaders(options.msg.headers);
  const producerSpan = trace.getSpanContext(producerContext);
  return tracer.startActiveSpan(
    `${options.subject} process`,
    {
      kind: SpanKind.CONSUMER,
      links: producerSpan ? [{ context: producerSpan }] : [],
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': options.subject,
        'messaging.message.id': options.eventId,
        'messaging.consumer.group.name': options.durable,
      },
    },
    producerContext,
    (span) => endingSpan(span, work),
  );
}

/**
 * Runs `work` in one consumer span for a batch handed over in one call. Following the
 * OpenTelemetry messaging conventions for batches, the span links every event's producer span;
 * a batch of one is also the producer's child, so at low load a hand-off still reads as one
 * trace. Batches are handed over together only in the optimistic run.
 */
export function inBatchSpan<T>(
  options: BatchSpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const links: Link[] = [];
  for (const msg of options.msgs) {
    const producerSpan = trace.getSpanContext(contextFromNatsHeaders(msg.headers));
    if (producerSpan) {
      links.push({ context: producerSpan });
    }
  }
  const parent =
    options.msgs.length === 1 ? contextFromNatsHeaders(options.msgs[0].headers) : ROOT_CONTEXT;
  return tracer.startActiveSpan(
    `${options.subject} process`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': options.subject,
        'messaging.batch.message_count': options.msgs.length,
        'messaging.consumer.group.name': options.durable,
        'polku.batch.mode': 'optimistic' satisfies BatchMode,
      },
    },
    parent,
    (span) => endingSpan(span, work),
  );
}

async function endingSpan<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await work(span);
  } finally {
    span.end();
  }
}

/** The event was applied by an earlier commit; this delivery did nothing. */
export function markDuplicate(span: Span): void {
  span.setAttribute('polku.duplicate', true);
}

/** How the batch transaction ran the event's handler (see BatchMode). */
export function markBatchMode(span: Span, mode: BatchMode): void {
  span.setAttribute('polku.batch.mode', mode);
}

/** The handler threw; `reason` is the error as one line. */
export function markFailed(span: Span, reason: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
}
