import { fieldDocsOf } from '../../field-doc.decorator';
import {
  BASIC_NEED_ISSUE_KINDS,
  BASICS_CHECKLIST_ITEMS,
  BasicsChecklist,
  CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND,
} from './basic-needs';

describe('basic needs', () => {
  it('should have one checklist field per checklist item when the checklist class is read', () => {
    expect(fieldDocsOf(BasicsChecklist).map((field) => field.name)).toEqual([
      ...BASICS_CHECKLIST_ITEMS,
    ]);
  });

  it('should map every issue kind but OTHER to a checklist item when the kinds are listed', () => {
    const unmapped = BASIC_NEED_ISSUE_KINDS.filter((kind) => {
      const item = CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND[kind];
      return item === null || !BASICS_CHECKLIST_ITEMS.includes(item);
    });

    expect(unmapped).toEqual(['OTHER']);
  });

  it('should have an issue kind for every checklist item when the kinds are listed', () => {
    const covered = new Set(Object.values(CHECKLIST_ITEM_OF_BASIC_NEED_ISSUE_KIND));

    expect(BASICS_CHECKLIST_ITEMS.filter((item) => !covered.has(item))).toEqual([]);
  });
});
