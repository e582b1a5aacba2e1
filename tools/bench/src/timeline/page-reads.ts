import type { Principal } from '@polku/auth';
import { MEETING_COMMANDS } from '@polku/contracts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import { connectServiceClient, waitFor } from './bench-support';
import type { ServiceConfig } from '@polku/config';
import type { Client } from 'pg';
import { distribution, rounded, type Distribution } from '../stats';
import { writeAttendance } from './attendance-writer';
import type { GatewayHttp } from './gateway-http';
import type { SeededPath } from './timeline-seed';

/** One reader's page reads of the big path: through the gateway, and the service alone. */
export interface PageReadResult {
  readonly reader: string;
  /** The page size asked for. */
  readonly limit: number;
  /** Entries on the page the reader got (the page size, or fewer when it sees fewer). */
  readonly entriesOnPage: number;
  /** Why the gateway could not be read, when it could not (its distribution is then empty). */
  readonly gatewayFailure?: string;
  /** GET /api/v1/paths/{pathId}/timeline over real HTTP: token check, audit, NATS, service. */
  readonly gatewayMs: Distribution;
  /** MEETING_COMMANDS.listTimeline over NATS as the gateway sends it, without the gateway. */
  readonly serviceMs: Distribution;
}

export interface PageReadsResult {
  /** Entries on the path's timeline when it was read (the bench's plus the seeding's). */
  readonly pathEntries: number;
  readonly reads: number;
  readonly results: readonly PageReadResult[];
}

/** The gateway's default page size (25) and its largest (100). */
const PAGE_SIZES = [25, 100] as const;

/** The readers: the provider sees the attendance entries; the referrer sees the path only. */
const READERS = ['ville.tyonsilta', 'tiina.tyollisyys'] as const;

function principalOf(username: string, issuer: string): Principal {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  const org = Object.values(DEMO_ORGANISATIONS).find((candidate) => candidate.id === user?.orgId);
  if (!user || !org) {
    throw new Error(`no demo user ${username}`);
  }
  return {
    userId: user.userId,
    orgId: user.orgId,
    orgRole: org.role as Principal['orgRole'],
    roles: user.roles as Principal['roles'],
    issuer,
  };
}

async function timed(times: number, operation: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    samples.push(await operation());
  }
  return samples;
}

/**
 * Fills one seeded path's timeline to `entries` entries (AttendanceRecorded through
 * activation-plans' outbox, as fast as it goes), waits until network-meetings has projected
 * them, then reads its first page `reads` times per reader, through the gateway and directly.
 */
export async function measurePageReads(
  context: {
    readonly api: GatewayHttp;
    readonly config: ServiceConfig;
    readonly outboxDb: Client;
    readonly meetingsDb: Client;
    readonly say: (line: string) => void;
  },
  path: SeededPath,
  options: { readonly entries: number; readonly reads: number; readonly warmup: number },
): Promise<PageReadsResult> {
  const { api, say } = context;
  const count = async () =>
    Number(
      (
        await context.meetingsDb.query<{ n: string }>(
          'SELECT count(*) AS n FROM timeline_entry WHERE path_id = $1',
          [path.pathId],
        )
      ).rows[0].n,
    );
  const missing = options.entries - (await count());
  say(`page reads: filling one path's timeline to ${options.entries} entries (+${missing})`);
  if (missing > 0) {
    await writeAttendance(context.outboxDb, [path], { count: missing, rate: 0 });
  }
  const pathEntries = await waitFor(
    async () => {
      const n = await count();
      return n >= options.entries ? n : undefined;
    },
    { timeoutMs: 120_000, description: `${options.entries} timeline entries on ${path.pathId}` },
  );
  const client = await connectServiceClient(context.config);
  try {
    const results: PageReadResult[] = [];
    for (const [reader, limit] of READERS.flatMap((name) =>
      PAGE_SIZES.map((size) => [name, size] as const),
    )) {
      const token = await api.tokenOf(reader);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
        iss: string;
      };
      const principal = principalOf(reader, claims.iss);
      const viaGateway = async () => {
        const answer = await api.call(
          'GET',
          `/paths/${path.pathId}/timeline?limit=${limit}`,
          reader,
        );
        if (answer.status !== 200) {
          throw new Error(
            `GET timeline as ${reader}: ${answer.status} ${JSON.stringify(answer.body)}`,
          );
        }
        return answer;
      };
      const viaService = () =>
        client.ask<{ items: unknown[] }>(MEETING_COMMANDS.listTimeline, principal, {
          pathId: path.pathId,
          limit,
        });
      const entriesOnPage = (await viaService()).items.length;
      // A gateway without the route yet is reported, and the service is still measured.
      const gatewayFailure = await viaGateway().then(
        () => undefined,
        (error: unknown) => String(error),
      );
      // Warm-up, not counted: JIT, connection pools, prepared statements.
      await timed(options.warmup, async () => {
        await viaService();
        return 0;
      });
      if (gatewayFailure === undefined) {
        await timed(options.warmup, async () => (await viaGateway()).ms);
      } else {
        say(`page reads through the gateway failed: ${gatewayFailure}`);
      }
      say(
        `page reads as ${reader}: ${entriesOnPage} entries a page, ${options.reads} reads each way`,
      );
      // One way after the other: alternating would mix them in each other's caches.
      const gateway =
        gatewayFailure === undefined
          ? await timed(options.reads, async () => (await viaGateway()).ms)
          : [];
      const service = await timed(options.reads, async () => {
        const started = performance.now();
        await viaService();
        return performance.now() - started;
      });
      results.push({
        reader,
        limit,
        entriesOnPage,
        ...(gatewayFailure === undefined ? {} : { gatewayFailure }),
        gatewayMs: rounded(distribution(gateway)),
        serviceMs: rounded(distribution(service)),
      });
    }
    return { pathEntries, reads: options.reads, results };
  } finally {
    await client.close();
  }
}
