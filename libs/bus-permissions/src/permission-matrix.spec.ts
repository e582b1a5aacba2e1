import {
  BACKEND_SERVICE_NAMES,
  CONTEXT_OF_SERVICE,
  INTAKE_COMMANDS,
  MEETING_COMMANDS,
  PLAN_COMMANDS,
  SERVICE_NAMES,
  TRANSITION_COMMANDS,
  WORK_QUEUE_COMMANDS,
} from '@polku/contracts';
import { durableName } from '@polku/messaging';
import { CONSUMED_EVENT_SUBJECTS } from './consumed-subjects';
import { OPERATOR, PROVISIONER } from './identities';
import { type NamespaceScope, permissionsOf, SERVICE_DENIED_JS_API } from './permission-matrix';

const exact: NamespaceScope = { kind: 'exact', namespace: 'acme' };
const any: NamespaceScope = { kind: 'any-namespace' };

/** Whether a NATS subject pattern (`*` one token, `>` the rest) matches a subject. */
function matches(pattern: string, subject: string): boolean {
  const wanted = pattern.split('.');
  const given = subject.split('.');
  for (const [index, token] of wanted.entries()) {
    if (token === '>') {
      return given.length > index;
    }
    if (index >= given.length || (token !== '*' && token !== given[index])) {
      return false;
    }
  }
  return wanted.length === given.length;
}

// Every request subject of the contracts, with the service that answers it.
const REQUESTS = [
  ...Object.values(INTAKE_COMMANDS).map((subject) => ['client-intake', subject] as const),
  ...Object.values(PLAN_COMMANDS).map((subject) => ['activation-plans', subject] as const),
  ...Object.values(TRANSITION_COMMANDS).map((subject) => ['transitions', subject] as const),
  ...Object.values(MEETING_COMMANDS).map((subject) => ['network-meetings', subject] as const),
  ...Object.values(WORK_QUEUE_COMMANDS).map((subject) => ['work-queue', subject] as const),
];

describe('permission matrix', () => {
  it.each(SERVICE_NAMES)(
    'lets %s publish only its own event subjects and JetStream calls',
    (service) => {
      const { publish } = permissionsOf(service, exact);
      const events = publish.allow.filter((subject) => subject.startsWith('acme.polku.'));
      expect(events).toEqual([`acme.polku.${CONTEXT_OF_SERVICE[service]}.>`]);
      expect(publish.allow).not.toContain('>');
      expect(publish.deny).toEqual([...SERVICE_DENIED_JS_API]);
    },
  );

  it.each(BACKEND_SERVICE_NAMES)(
    'lets %s subscribe only to its own requests and inbox',
    (service) => {
      const { subscribe, publish, allowResponses } = permissionsOf(service, exact);
      const inbox = `_INBOX_${service.replace(/-/g, '_')}.>`;
      expect(subscribe.allow).toEqual([
        ...new Set([
          `acme.polku-rpc.${service}.>`,
          `acme.polku-rpc.${CONTEXT_OF_SERVICE[service]}.>`,
        ]),
        inbox,
      ]);
      expect(publish.allow.some((subject) => subject.includes('polku-rpc'))).toBe(false);
      // Replies only into the gateway's inbox, by an explicit allow (see servicePermissions).
      expect(publish.allow.filter((subject) => subject.startsWith('_INBOX'))).toEqual([
        '_INBOX_gateway.>',
      ]);
      expect(allowResponses).toBe(false);
    },
  );

  it('lets only the gateway send requests, to every backend service, and answer none', () => {
    const gateway = permissionsOf('gateway', exact);
    expect(gateway.publish.allow.filter((subject) => subject.includes('polku-rpc'))).toEqual(
      BACKEND_SERVICE_NAMES.flatMap((service) => [
        ...new Set([
          `acme.polku-rpc.${service}.>`,
          `acme.polku-rpc.${CONTEXT_OF_SERVICE[service]}.>`,
        ]),
      ]),
    );
    expect(gateway.allowResponses).toBe(false);
    expect(gateway.subscribe.allow).toEqual(['acme.polku-live.>', '_INBOX_gateway.>']);
  });

  it.each(REQUESTS)('lets the gateway send and only %s answer %s', (owner, request) => {
    for (const scope of [exact, any]) {
      const subject = `acme.${request}`;
      expect(permissionsOf('gateway', scope).publish.allow.some((p) => matches(p, subject))).toBe(
        true,
      );
      const answerers = BACKEND_SERVICE_NAMES.filter((service) =>
        permissionsOf(service, scope).subscribe.allow.some((p) => matches(p, subject)),
      );
      expect(answerers).toEqual([owner]);
    }
  });

  it('lets only network-meetings publish live notices, and only the gateway receive them', () => {
    for (const service of SERVICE_NAMES) {
      const { publish, subscribe } = permissionsOf(service, exact);
      const live = publish.allow.filter((subject) => subject.includes('polku-live'));
      expect(live).toEqual(service === 'network-meetings' ? ['acme.polku-live.meetings.>'] : []);
      expect(subscribe.allow.some((subject) => subject.includes('polku-live'))).toBe(
        service === 'gateway',
      );
    }
    expect(permissionsOf('network-meetings', any).publish.allow).toContain(
      '*.polku-live.meetings.>',
    );
    expect(permissionsOf('gateway', any).subscribe.allow).toContain('*.polku-live.>');
  });

  it('gives a consumer exactly info, next and ack on each of its own durables', () => {
    const { publish } = permissionsOf('client-intake', exact);
    const durables = CONSUMED_EVENT_SUBJECTS['client-intake'].map((subject) =>
      durableName('client-intake', subject),
    );
    expect(durables.length).toBeGreaterThan(1);
    expect(publish.allow.filter((subject) => subject.startsWith('$JS'))).toEqual(
      durables.flatMap((durable) => [
        `$JS.API.CONSUMER.INFO.ACME_POLKU_EVENTS.${durable}`,
        `$JS.API.CONSUMER.MSG.NEXT.ACME_POLKU_EVENTS.${durable}`,
        `$JS.ACK.ACME_POLKU_EVENTS.${durable}.>`,
      ]),
    );
  });

  it('renders exact names without a namespace in production', () => {
    const { publish } = permissionsOf('transitions', { kind: 'exact', namespace: '' });
    expect(publish.allow[0]).toBe('polku.transitions.>');
    expect(publish.allow).toContain(
      `$JS.API.CONSUMER.INFO.POLKU_EVENTS.${durableName('transitions', CONSUMED_EVENT_SUBJECTS.transitions[0])}`,
    );
  });

  it('loosens only the namespace and stream tokens on the shared test server', () => {
    const { publish, subscribe } = permissionsOf('transitions', any);
    expect(publish.allow[0]).toBe('*.polku.transitions.>');
    expect(subscribe.allow).toEqual(['*.polku-rpc.transitions.>', '_INBOX_transitions.>']);
    const durable = durableName('transitions', CONSUMED_EVENT_SUBJECTS.transitions[0]);
    expect(publish.allow).toContain(`$JS.API.CONSUMER.INFO.*.${durable}`);
  });

  it('lets the provisioner manage streams and consumers but publish no event and read nothing', () => {
    const { publish, subscribe } = permissionsOf(PROVISIONER, exact);
    expect(publish.allow.some((subject) => subject.includes('polku.'))).toBe(false);
    expect(publish.allow.some((subject) => /MSG\.(NEXT|GET)|DIRECT/.test(subject))).toBe(false);
    expect(publish.allow).toContain('$JS.API.STREAM.*.ACME_POLKU_EVENTS');
    expect(subscribe.allow).toEqual(['_INBOX_provisioner.>']);
  });

  it('lets the operator republish any event and delete durables, not create them', () => {
    const { publish } = permissionsOf(OPERATOR, exact);
    expect(publish.allow).toContain('acme.polku.>');
    expect(publish.allow).toContain('$JS.API.CONSUMER.DELETE.ACME_POLKU_EVENTS.*');
    expect(publish.allow.some((subject) => subject.includes('CREATE'))).toBe(false);
  });
});
