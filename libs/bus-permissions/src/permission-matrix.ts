import { BACKEND_SERVICE_NAMES, CONTEXT_OF_SERVICE, type ServiceName } from '@polku/contracts';
import {
  durableName,
  EVENTS_STREAM,
  MAX_DELIVERIES_STREAM,
  namespacedStreamName,
  namespacedSubject,
} from '@polku/messaging';
import { CONSUMED_EVENT_SUBJECTS } from './consumed-subjects';
import { type BusIdentity, inboxPrefixOf, OPERATOR, PROVISIONER, TEST_TOOLS } from './identities';

/**
 * Which installation the rules are for. `exact`: one namespace (empty in production), every
 * subject and stream named exactly. `any-namespace`: the shared test server, where every test
 * system has a random namespace; NATS has no partial-token wildcards, so the namespace token
 * and the stream token of JetStream API subjects become `*` (docs/security.md).
 */
export type NamespaceScope =
  { readonly kind: 'exact'; readonly namespace: string } | { readonly kind: 'any-namespace' };

/** Allowed and denied subjects of one direction (deny wins over allow in nats-server). */
export interface SubjectRules {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

/** What one NATS user may do. */
export interface BusPermissions {
  readonly publish: SubjectRules;
  readonly subscribe: SubjectRules;
  /** May publish once to the reply subject of each request it receives (responders). */
  readonly allowResponses: boolean;
}

/**
 * JetStream management a service never does, denied outright so that no later allow can open
 * it: creating, changing or deleting streams and consumers, and reading stream messages
 * directly (subscribe permissions do not limit what a consumer reads, docs/security.md).
 */
export const SERVICE_DENIED_JS_API = [
  '$JS.API.STREAM.>',
  '$JS.API.CONSUMER.CREATE.>',
  '$JS.API.CONSUMER.DURABLE.CREATE.>',
  '$JS.API.CONSUMER.DELETE.>',
  '$JS.API.DIRECT.GET.>',
] as const;

function subject(scope: NamespaceScope, name: string): string {
  return scope.kind === 'exact' ? namespacedSubject(scope.namespace, name) : `*.${name}`;
}

function stream(scope: NamespaceScope, name: string): string {
  return scope.kind === 'exact' ? namespacedStreamName(scope.namespace, name) : '*';
}

/**
 * The JetStream API subjects a pull consumer needs for one durable: its info (bind), the next
 * messages, and acks (the ack subject's format is the server's: keep it here only).
 */
export function pullConsumerSubjects(scope: NamespaceScope, durable: string): string[] {
  const events = stream(scope, EVENTS_STREAM);
  return [
    `$JS.API.CONSUMER.INFO.${events}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${events}.${durable}`,
    `$JS.ACK.${events}.${durable}.>`,
  ];
}

/**
 * The request subjects a service answers: commands are named after the service
 * (`polku-rpc.client-intake.create-referral.v1`), health after its context
 * (`polku-rpc.intake.health.v1`).
 */
export function requestSubjectsOf(service: ServiceName, scope: NamespaceScope): string[] {
  return [...new Set([service, CONTEXT_OF_SERVICE[service]])].map((prefix) =>
    subject(scope, `polku-rpc.${prefix}.>`),
  );
}

/**
 * The services that publish live notices on core NATS (`polku-live.<context>.…`, never in a
 * stream): network-meetings tells the gateways which paths' timelines grew. A notice holds no
 * client data; only the gateway subscribes (docs/meetings.md, "Live updates").
 */
export const LIVE_NOTICE_PUBLISHERS: readonly ServiceName[] = ['network-meetings'];

/** The live notice subjects of a service that publishes them. */
export function liveNoticeSubjectsOf(service: ServiceName, scope: NamespaceScope): string[] {
  return LIVE_NOTICE_PUBLISHERS.includes(service)
    ? [subject(scope, `polku-live.${CONTEXT_OF_SERVICE[service]}.>`)]
    : [];
}

function servicePermissions(service: ServiceName, scope: NamespaceScope): BusPermissions {
  const inbox = `${inboxPrefixOf(service)}.>`;
  const consumed = CONSUMED_EVENT_SUBJECTS[service].flatMap((consumedSubject) =>
    pullConsumerSubjects(scope, durableName(service, consumedSubject)),
  );
  const ownEvents = subject(scope, `polku.${CONTEXT_OF_SERVICE[service]}.>`);
  if (service === 'gateway') {
    // Only the gateway sends requests; it answers none.
    const requests = BACKEND_SERVICE_NAMES.flatMap((backend) => requestSubjectsOf(backend, scope));
    return {
      publish: { allow: [ownEvents, ...requests, ...consumed], deny: [...SERVICE_DENIED_JS_API] },
      subscribe: { allow: [subject(scope, 'polku-live.>'), inbox], deny: [] },
      allowResponses: false,
    };
  }
  // Replies go to the gateway's inbox, the only requester, by an explicit allow rather than
  // allow_responses: with allow_responses the server tracks the reply subject of every message
  // it delivers to the service, also each JetStream message's ack subject, which cost 0.3–0.9 ms
  // of nats-server CPU per event and halved the backbone's throughput (docs/performance.md).
  // A reply subject is a random NUID under a prefix only the gateway may subscribe to.
  return {
    publish: {
      allow: [
        ownEvents,
        ...liveNoticeSubjectsOf(service, scope),
        ...consumed,
        `${inboxPrefixOf('gateway')}.>`,
      ],
      deny: [...SERVICE_DENIED_JS_API],
    },
    subscribe: {
      allow: [...requestSubjectsOf(service, scope), inbox],
      deny: [],
    },
    allowResponses: false,
  };
}

function provisionerPermissions(scope: NamespaceScope): BusPermissions {
  const events = stream(scope, EVENTS_STREAM);
  const advisories = stream(scope, MAX_DELIVERIES_STREAM);
  // Streams and consumers of the installation, nothing else: no events, no requests, and no
  // MSG.NEXT or MSG.GET, so provisioning reads no message either. Listing streams (test
  // teardown) names no stream, so it is allowed as such.
  return {
    publish: {
      allow: [
        '$JS.API.INFO',
        '$JS.API.STREAM.NAMES',
        '$JS.API.STREAM.LIST',
        ...[events, advisories].map((name) => `$JS.API.STREAM.*.${name}`),
        `$JS.API.CONSUMER.INFO.${events}.*`,
        `$JS.API.CONSUMER.CREATE.${events}.>`,
        `$JS.API.CONSUMER.DURABLE.CREATE.${events}.*`,
        `$JS.API.CONSUMER.DELETE.${events}.*`,
      ],
      deny: [],
    },
    subscribe: { allow: [`${inboxPrefixOf(PROVISIONER)}.>`], deny: [] },
    allowResponses: false,
  };
}

function operatorPermissions(scope: NamespaceScope): BusPermissions {
  const events = stream(scope, EVENTS_STREAM);
  // redrive publishes a dead letter again on its original subject, whoever owns it;
  // rebuild-projection deletes the durables it replays (the provisioning step recreates them).
  return {
    publish: {
      allow: [
        subject(scope, 'polku.>'),
        '$JS.API.INFO',
        `$JS.API.CONSUMER.INFO.${events}.*`,
        `$JS.API.CONSUMER.DELETE.${events}.*`,
      ],
      deny: [],
    },
    subscribe: { allow: [`${inboxPrefixOf(OPERATOR)}.>`], deny: [] },
    allowResponses: false,
  };
}

/** The permissions of one identity: the single permission matrix of the bus. */
export function permissionsOf(identity: BusIdentity, scope: NamespaceScope): BusPermissions {
  switch (identity) {
    case PROVISIONER:
      return provisionerPermissions(scope);
    case OPERATOR:
      return operatorPermissions(scope);
    case TEST_TOOLS:
      return {
        publish: { allow: ['>'], deny: [] },
        subscribe: { allow: ['>'], deny: [] },
        allowResponses: true,
      };
    default:
      return servicePermissions(identity, scope);
  }
}
