import { PRIOR_INFORMATION_DATA_CLASSES } from '@polku/contracts';
import { AUDIT_DATA_CLASSES, disclosedDataClasses, rowCountOf } from './disclosed-data-classes';
import { DATA_CLASSES } from '@polku/contracts';

describe('disclosedDataClasses', () => {
  it('should keep every event data class and add IDENTITY when the audit lists its classes', () => {
    expect(AUDIT_DATA_CLASSES).toEqual([...DATA_CLASSES, 'IDENTITY']);
  });

  it('should add IDENTITY when an identity field has a value, however deep', () => {
    expect(
      disclosedDataClasses({
        declared: ['PATH'],
        answer: { items: [{ client: { familyName: 'A' } }] },
      }),
    ).toEqual(['PATH', 'IDENTITY']);
  });

  it('should not add IDENTITY when identity fields are empty or absent', () => {
    expect(
      disclosedDataClasses({ declared: ['PATH'], answer: { address: null, pathId: 'p' } }),
    ).toEqual(['PATH']);
  });

  it('should add the classes of the fields shown and not of the fields withheld', () => {
    expect(
      disclosedDataClasses({
        declared: ['PATH'],
        answer: { summary: 'text', withheld: ['workAdaptationNeeded'] },
        fields: PRIOR_INFORMATION_DATA_CLASSES,
      }),
    ).toEqual(['PATH', 'PLAN']);
  });

  it('should add each data class a page’s items name when the route says where they name it', () => {
    expect(
      disclosedDataClasses({
        declared: ['PATH'],
        answer: {
          items: [
            { dataClass: 'HEALTH_FLAG' },
            { dataClass: 'CLIENT_VOICE' },
            { dataClass: 'PATH' },
          ],
          nextCursor: null,
        },
        itemDataClassField: 'dataClass',
      }),
    ).toEqual(['PATH', 'HEALTH_FLAG', 'CLIENT_VOICE']);
  });

  it('should add no class an item names when it is not a data class', () => {
    expect(
      disclosedDataClasses({
        declared: ['PATH'],
        answer: { items: [{ dataClass: 'IDENTITY' }, { dataClass: 'nonsense' }] },
        itemDataClassField: 'dataClass',
      }),
    ).toEqual(['PATH']);
  });

  it('should count the rows of a page and nothing else', () => {
    expect(rowCountOf({ items: [1, 2], nextCursor: null })).toBe(2);
    expect(rowCountOf({ pathId: 'p' })).toBeNull();
  });
});
