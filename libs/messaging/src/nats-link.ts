import { Logger } from '@nestjs/common';
import { connect, type NatsConnection, nkeyAuthenticator } from '@nats-io/transport-node';
import { refuseAnonymousServer } from './anonymous-server-check';

/** The PEM files of a TLS connection to NATS; an empty object means TLS with the system's CAs. */
export interface NatsTlsFiles {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** Where, as whom and under which name a process connects to NATS. */
export interface NatsLinkOptions {
  /** One URL or a comma-separated list, as in NATS_URL. */
  readonly servers: string;
  /** Shown by the server in its connection list (nats-server -m /connz). */
  readonly name: string;
  /** The process's NATS user: its nkey seed (`SU…`). Without it the connection is anonymous. */
  readonly seed?: string;
  /**
   * Prefix of this user's reply inboxes (request replies and JetStream's answers), so its
   * permissions can name them and no other user can read them (docs/security.md).
   */
  readonly inboxPrefix?: string;
  /** TLS to the server; undefined keeps whatever the URL says. */
  readonly tls?: NatsTlsFiles;
  /**
   * Refuse to connect when the server also lets anonymous clients in (production): such a
   * server enforces none of the permissions the bus relies on.
   */
  readonly refuseAnonymousServer?: boolean;
}

/**
 * One process's connection to NATS. It keeps reconnecting for as long as the process lives,
 * so a NATS outage degrades the service (health says so) instead of crashing it.
 */
export class NatsLink {
  private readonly logger = new Logger(NatsLink.name);
  private connection?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private closing?: Promise<void>;
  private connected = false;

  constructor(private readonly options: NatsLinkOptions) {}

  /** Connects once; later calls share the same connection. Waits while NATS is unreachable. */
  connect(): Promise<NatsConnection> {
    this.connecting ??= this.open();
    return this.connecting;
  }

  /** Whether the connection is up now (false while NATS is unreachable); for health. */
  get isConnected(): boolean {
    return this.connected;
  }

  /** The connection, or an error when connect() has not finished yet. */
  get nc(): NatsConnection {
    if (!this.connection) {
      throw new Error('NATS is not connected yet: await NatsLink.connect() first');
    }
    return this.connection;
  }

  /** Round trip to the server, or an error after timeoutMs (also while reconnecting). */
  async ping(timeoutMs: number): Promise<number> {
    if (!this.connection || !this.connected) {
      throw new Error('not connected to NATS');
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`NATS did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.connection.rtt(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Lets in-flight replies go out, then closes. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.drainAndClose();
    return this.closing;
  }

  private async drainAndClose(): Promise<void> {
    // A connect still waiting for its first server would keep the process alive.
    const connection =
      this.connection ?? (this.connecting && !this.connected ? undefined : await this.connecting);
    if (!connection || connection.isClosed()) {
      return;
    }
    try {
      await connection.drain();
    } catch {
      // drain fails while disconnected; closing is all that is left to do.
      await connection.close();
    }
  }

  private async open(): Promise<NatsConnection> {
    const servers = this.options.servers.split(',').map((server) => server.trim());
    const { seed, inboxPrefix, tls } = this.options;
    if (this.options.refuseAnonymousServer === true) {
      await refuseAnonymousServer(servers, tls);
    }
    const connection = await connect({
      servers,
      name: this.options.name,
      ...(seed ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)) } : {}),
      ...(inboxPrefix ? { inboxPrefix } : {}),
      ...(tls ? { tls: { ...tls } } : {}),
      // Start even if NATS is briefly down, and never give up reconnecting afterwards.
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      // Detect a dead server within ~10 s even when the socket is not closed.
      pingInterval: 5_000,
      maxPingOut: 2,
      // Otherwise every request, so every JetStream publish the relay makes, builds an Error up
      // front just in case it times out: ~10 % of the relay's CPU (docs/performance.md). Our
      // timeouts are answered by what they are (503, a retried batch), not by their stacks.
      noAsyncTraces: true,
    });
    this.connection = connection;
    this.connected = true;
    void this.watchStatus(connection);
    return connection;
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      switch (status.type) {
        case 'disconnect':
        case 'staleConnection':
          if (this.connected) {
            this.logger.warn(`lost the connection to NATS (${status.type}); reconnecting`);
          }
          this.connected = false;
          break;
        case 'reconnect':
          this.connected = true;
          this.logger.log('reconnected to NATS');
          break;
        case 'close':
          this.connected = false;
          break;
        default:
          break;
      }
    }
  }
}
