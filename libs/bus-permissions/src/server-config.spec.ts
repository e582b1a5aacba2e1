import { createBusKey } from './key-file';
import { renderAuthorization } from './server-config';

describe('renderAuthorization', () => {
  it('names each user by its public key only, with its permissions', () => {
    const gateway = createBusKey();
    const intake = createBusKey();
    const text = renderAuthorization(
      [
        { identity: 'gateway', publicKey: gateway.publicKey },
        { identity: 'client-intake', publicKey: intake.publicKey },
      ],
      { kind: 'exact', namespace: 'acme' },
    );
    expect(text).toContain(`nkey: "${gateway.publicKey}"`);
    expect(text).toContain(`nkey: "${intake.publicKey}"`);
    expect(text).not.toContain(gateway.seed);
    expect(text).toContain(
      'allow: ["acme.polku-rpc.client-intake.>", "acme.polku-rpc.intake.>", "_INBOX_client_intake.>"]',
    );
    expect(text).toContain('deny: ["$JS.API.STREAM.>"');
    expect(text).toContain('allow: ["acme.polku-live.>", "_INBOX_gateway.>"]');
    // Replies go to the gateway's inbox by an explicit allow, never allow_responses.
    expect(text).not.toContain('allow_responses');
  });
});
