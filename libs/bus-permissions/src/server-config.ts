import { type BusIdentity } from './identities';
import { type NamespaceScope, permissionsOf, type SubjectRules } from './permission-matrix';

/** One NATS user of the rendered configuration: who, and the public key it signs in with. */
export interface BusUser {
  readonly identity: BusIdentity;
  /** The user's public nkey (`U…`); the server never sees a seed. */
  readonly publicKey: string;
}

const quoted = (value: string) => JSON.stringify(value);

function rules(name: string, { allow, deny }: SubjectRules): string {
  const lines = [`allow: [${allow.map(quoted).join(', ')}]`];
  if (deny.length > 0) {
    lines.push(`deny: [${deny.map(quoted).join(', ')}]`);
  }
  return `${name}: { ${lines.join(', ')} }`;
}

/**
 * The `authorization` block of a nats-server configuration file: one nkey user per identity,
 * with the permissions of the matrix. Port, store directory and JetStream come from the
 * command line (startNatsServer) or the deployment's own configuration, which includes this.
 */
export function renderAuthorization(users: readonly BusUser[], scope: NamespaceScope): string {
  const entries = users.map(({ identity, publicKey }) => {
    const permissions = permissionsOf(identity, scope);
    return [
      `    # ${identity}`,
      '    {',
      `      nkey: ${quoted(publicKey)}`,
      '      permissions: {',
      `        ${rules('publish', permissions.publish)}`,
      `        ${rules('subscribe', permissions.subscribe)}`,
      ...(permissions.allowResponses ? ['        allow_responses: true'] : []),
      '      }',
      '    }',
    ].join('\n');
  });
  return [
    '# Rendered from the permission matrix in libs/bus-permissions; do not edit by hand.',
    `# Scope: ${scope.kind === 'exact' ? `namespace ${JSON.stringify(scope.namespace)}` : 'any namespace (test server only)'}`,
    'authorization {',
    '  users = [',
    entries.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
