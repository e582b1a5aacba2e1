import type { FastifyRequest } from 'fastify';
import { INTAKE_COMMANDS, type PlanPartyRegistryRoles } from '@polku/contracts';
import { commandMetadataOf, type ServiceCommandBus } from '../service-client/service-command-bus';

/** The parties as a plan command's body names them; anything else is the service's to refuse. */
const partyIdsOf = (body: unknown): string[] => {
  const parties = (body as { parties?: unknown } | null)?.parties;
  if (!Array.isArray(parties)) {
    return [];
  }
  return [
    ...new Set(
      parties
        .map((party) => (party as { orgId?: unknown } | null)?.orgId)
        .filter((id): id is string => typeof id === 'string'),
    ),
  ];
};

/**
 * The organisation registry's role of every organisation a plan command names (client-intake
 * keeps the registry): activation-plans takes a party's role, and so any cover by law, only from
 * this, never from the caller's body (docs/plans.md, docs/auth.md).
 */
export async function planPartyRegistryRoles(
  bus: ServiceCommandBus,
  body: unknown,
  request: FastifyRequest,
): Promise<PlanPartyRegistryRoles> {
  const orgIds = partyIdsOf(body);
  if (orgIds.length === 0) {
    return { partyRoles: {} };
  }
  const { roles } = await bus.send<{ roles: Record<string, string> }>(
    INTAKE_COMMANDS.organisationRoles,
    { orgIds },
    commandMetadataOf(request),
  );
  return { partyRoles: roles };
}
