/**
 * Finnish business days a referrer gets to find another path after a decline (architecture.md
 * §4: hand-off acceptance 10 business days).
 */
export const DECLINED_REFERRAL_TASK_DAYS = 10;
