import {
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_SUB_TYPES_BY_CATEGORY,
} from '@polku/contracts';
import type { PathDestination } from './path-state';

// Destinations as the thesis's Table 7 groups them (docs/domain.md §3.7), checked here as well as by
// the contract classes, since decide() also runs on stored and replayed data.

/** Why the destination is not a destination of Table 7, or null when it is. */
export function destinationProblem(destination: PathDestination): string | null {
  const categories: readonly string[] | undefined =
    DESTINATION_CATEGORIES_BY_GROUP[destination.group];
  if (categories === undefined) {
    return `"${destination.group}" is not a destination group`;
  }
  if (!categories.includes(destination.category)) {
    return `"${destination.category}" is not a destination of the group ${destination.group}`;
  }
  if (destination.subType === undefined) {
    return null;
  }
  const category = destination.category;
  const subTypes: readonly string[] | undefined =
    category === 'STUDIES' || category === 'SUPPORTED_EMPLOYMENT'
      ? DESTINATION_SUB_TYPES_BY_CATEGORY[category]
      : undefined;
  if (subTypes === undefined) {
    return `${category} takes no kind, but "${destination.subType}" was given`;
  }
  return subTypes.includes(destination.subType)
    ? null
    : `"${destination.subType}" is not a kind of ${category}`;
}

export function isUnclear(destination: PathDestination): boolean {
  return destination.category === 'UNCLEAR_PATH';
}

/**
 * A continuation is not an exit: another measure is a hand-off inside the path, a return is a
 * new linked path.
 */
export function isContinuation(destination: PathDestination): boolean {
  return destination.group === 'CONTINUATION';
}
