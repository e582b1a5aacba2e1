import {
  BASICS_CHECKLIST_ITEMS,
  CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND,
  type BasicsChecklistItem,
  type CompleteIntakeCommand,
} from '@polku/contracts';

/**
 * The first "basics" item the intake leaves open without an issue that gives it an owner, or
 * undefined: every open item must become someone's action item.
 */
export function openItemWithoutOwner(
  intake: Pick<CompleteIntakeCommand, 'basics' | 'basicNeedIssues'>,
): BasicsChecklistItem | undefined {
  return BASICS_CHECKLIST_ITEMS.find(
    (item) =>
      intake.basics[item] === 'OPEN' &&
      !intake.basicNeedIssues.some(
        (issue) => CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND[issue.kind] === item,
      ),
  );
}
