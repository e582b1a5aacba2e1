import type { CommandDetails } from '../path-engine/contract-events';
import type { PathDestination, PathInput } from '../path';

// A validated command body as an input of the path machine, with the descriptive fields its
// events carry. Each feature builds its own (handoffs/handoff-decisions.ts, …); they are pure:
// ids the service makes up (a hand-off's, a wait's) are passed in.

export interface CommandDecision {
  readonly input: PathInput;
  readonly details?: CommandDetails;
}

/** A command's destination as the machine's, without the fields the command leaves out. */
export function destinationOf(destination: {
  group: PathDestination['group'];
  category: PathDestination['category'];
  subType?: PathDestination['subType'];
}): PathDestination {
  return {
    group: destination.group,
    category: destination.category,
    ...(destination.subType === undefined ? {} : { subType: destination.subType }),
  };
}
