/**
 * Request/reply subjects of transitions. Only the gateway sends them, with the caller's
 * principal in its signed internal token (`polku-internal-token`); the service checks access again. Every command but
 * `announceFundingEnding` and `listLostPaths` (organisation-wide) is about one path.
 */
export const TRANSITION_COMMANDS = {
  proposeHandoff: 'polku-rpc.transitions.propose-handoff.v1',
  acceptHandoff: 'polku-rpc.transitions.accept-handoff.v1',
  declineHandoff: 'polku-rpc.transitions.decline-handoff.v1',
  completeHandoff: 'polku-rpc.transitions.complete-handoff.v1',
  exitPath: 'polku-rpc.transitions.exit-path.v1',
  completeFollowUp: 'polku-rpc.transitions.complete-follow-up.v1',
  closePath: 'polku-rpc.transitions.close-path.v1',
  reviewUnclearPath: 'polku-rpc.transitions.review-unclear-path.v1',
  changeResponsibleWorker: 'polku-rpc.transitions.change-responsible-worker.v1',
  rehomeFollowUps: 'polku-rpc.transitions.rehome-follow-ups.v1',
  startWaiting: 'polku-rpc.transitions.start-waiting.v1',
  endWaiting: 'polku-rpc.transitions.end-waiting.v1',
  announceFundingEnding: 'polku-rpc.transitions.announce-funding-ending.v1',
  getPath: 'polku-rpc.transitions.get-path.v1',
  listLostPaths: 'polku-rpc.transitions.list-lost-paths.v1',
} as const;
