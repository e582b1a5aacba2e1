import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/transport-node';

// W3C trace context across NATS headers and the outbox row's headers column, so one trace
// follows a hand-off from the HTTP request through every hop (docs/observability.md).

const natsSetter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};
const natsGetter: TextMapGetter<MsgHdrs | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => (carrier ? carrier.keys() : []),
};

/** The active trace context as plain headers, for storing in an outbox row. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** A context restored from stored headers (an outbox row's). */
export function contextFromStoredHeaders(headers: Record<string, string> | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {});
}

/** Writes the trace context (the active one unless `from` is given) into NATS headers. */
export function injectTraceIntoNatsHeaders(
  target: MsgHdrs,
  from: Context = context.active(),
): void {
  propagation.inject(from, target, natsSetter);
}

/** The trace context a NATS message carries; the root context when it carries none. */
export function contextFromNatsHeaders(headers: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers, natsGetter);
}
