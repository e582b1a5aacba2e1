import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, validateSync } from 'class-validator';
import {
  containsPersonalIdentityCode,
  IsActorId,
  IsAllowedOnlyWhen,
  IsDifferentFrom,
  IsExactlyOneOf,
  IsFalseWhen,
  IsListOf,
  IsOnlyItemWhenListed,
  IsNotBefore,
  IsRequiredOnlyWhen,
  listItemClassOf,
  WHEN_PRESENT,
} from './event-validators';

describe('containsPersonalIdentityCode', () => {
  it.each(['131052-308T', '010190A123B', 'client 131052+308T here', '(010101Y9012)'])(
    'should find a personal identity code when the text is %j',
    (text) => {
      expect(containsPersonalIdentityCode(text)).toBe(true);
    },
  );

  it.each([
    '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
    'cr_9J2kQ7xW4mZ8',
    'AP-2026-000123',
    '2026-03-02',
    '320152-308T',
    'x131052-308T',
    '131052-308TX',
  ])('should find none when the text is %j', (text) => {
    expect(containsPersonalIdentityCode(text)).toBe(false);
  });
});

describe('IsNotBefore', () => {
  class Period {
    @IsOptional()
    readonly from?: unknown;

    @IsNotBefore('from')
    readonly to?: unknown;
  }

  function errorsOf(from: unknown, to: unknown): string[] {
    const period = plainToInstance(Period, { from, to });
    return validateSync(period).flatMap((error) => Object.values(error.constraints ?? {}));
  }

  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-02', '2026-03-03'],
    ['2026-03-02T08:15:00Z', '2026-03-02T08:15:00.5Z'],
    ['2026-03-02T08:15:00.999Z', '2026-03-02T08:15:01Z'],
  ])('should accept the value when %s is followed by %s', (from, to) => {
    expect(errorsOf(from, to)).toEqual([]);
  });

  it.each([
    ['2026-03-02', '2026-03-01'],
    ['2026-03-02T08:15:00.5Z', '2026-03-02T08:15:00Z'],
  ])('should reject the value when %s is followed by %s', (from, to) => {
    expect(errorsOf(from, to)).toEqual(['to must not be before from']);
  });

  it.each([
    [undefined, '2026-03-01'],
    ['2026-03-02', undefined],
    ['2026-03-02', '2026-03-01T00:00:00Z'],
    ['not a date', '2026-03-01'],
  ])('should leave the comparison to other rules when the values are %p and %p', (from, to) => {
    expect(errorsOf(from, to)).toEqual([]);
  });
});

describe('IsDifferentFrom', () => {
  class Replacement {
    @IsDifferentFrom('replacedId')
    readonly id?: unknown;

    @IsOptional()
    readonly replacedId?: unknown;
  }

  it('should reject the value when it equals the other property', () => {
    const errors = validateSync(plainToInstance(Replacement, { id: 'a', replacedId: 'a' }));

    expect(errors.flatMap((error) => Object.values(error.constraints ?? {}))).toEqual([
      'id must differ from replacedId',
    ]);
  });

  it('should accept the value when it differs from the other property', () => {
    expect(validateSync(plainToInstance(Replacement, { id: 'a', replacedId: 'b' }))).toEqual([]);
  });
});

function messagesOf(target: new () => object, plain: object): string[] {
  const flatten = (errors: ReturnType<typeof validateSync>, prefix: string): string[] =>
    errors.flatMap((error) => [
      ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${message}`),
      ...flatten(error.children ?? [], `${prefix}${error.property}.`),
    ]);
  return flatten(validateSync(plainToInstance(target, plain)), '');
}

describe('IsRequiredOnlyWhen', () => {
  class Placement {
    @IsIn(['IN_HOUSE', 'EXTERNAL_HOST'])
    readonly kind?: unknown;

    @IsUUID('all', WHEN_PRESENT)
    @IsRequiredOnlyWhen('kind', ['EXTERNAL_HOST'])
    readonly hostOrgId?: unknown;
  }

  const HOST = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

  it.each([
    [{ kind: 'EXTERNAL_HOST', hostOrgId: HOST }],
    [{ kind: 'IN_HOUSE' }],
    [{ kind: 'IN_HOUSE', hostOrgId: null }],
  ])('should accept the value when the case and the field agree: %j', (plain) => {
    expect(messagesOf(Placement, plain)).toEqual([]);
  });

  it('should reject the value once when it is missing in its case', () => {
    expect(messagesOf(Placement, { kind: 'EXTERNAL_HOST' })).toEqual([
      'hostOrgId is required when kind is EXTERNAL_HOST',
    ]);
  });

  it('should reject the value when it is given in another case', () => {
    expect(messagesOf(Placement, { kind: 'IN_HOUSE', hostOrgId: HOST })).toEqual([
      'hostOrgId is allowed only when kind is EXTERNAL_HOST',
    ]);
  });

  it('should leave a malformed value to its own rule when it is given in its case', () => {
    expect(messagesOf(Placement, { kind: 'EXTERNAL_HOST', hostOrgId: 'host' })).toEqual([
      'hostOrgId must be a UUID',
    ]);
  });
});

describe('IsAllowedOnlyWhen', () => {
  class Measure {
    @IsString()
    readonly measureType?: unknown;

    @IsOptional()
    @IsAllowedOnlyWhen('measureType', ['PAY_SUBSIDISED_WORK'])
    readonly contractType?: unknown;
  }

  it.each([
    [{ measureType: 'PAY_SUBSIDISED_WORK', contractType: 'FIXED_TERM' }],
    [{ measureType: 'PAY_SUBSIDISED_WORK' }],
    [{ measureType: 'WORK_TRIAL' }],
  ])('should accept the value when it is given only in its case: %j', (plain) => {
    expect(messagesOf(Measure, plain)).toEqual([]);
  });

  it('should reject the value when it is given in another case', () => {
    expect(messagesOf(Measure, { measureType: 'WORK_TRIAL', contractType: 'FIXED_TERM' })).toEqual([
      'contractType is allowed only when measureType is PAY_SUBSIDISED_WORK',
    ]);
  });
});

describe('IsExactlyOneOf', () => {
  class Subject {
    @IsUUID('all', WHEN_PRESENT)
    @IsExactlyOneOf(['measureId', 'planId'])
    readonly measureId?: unknown;

    @IsUUID('all', WHEN_PRESENT)
    @IsExactlyOneOf(['measureId', 'planId'])
    readonly planId?: unknown;
  }

  const ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

  it.each([[{ measureId: ID }], [{ planId: ID }]])(
    'should accept the object when exactly one is given: %j',
    (plain) => {
      expect(messagesOf(Subject, plain)).toEqual([]);
    },
  );

  it('should report once, on the first, when neither is given', () => {
    expect(messagesOf(Subject, {})).toEqual([
      'measureId or planId is required: exactly one of them is given',
    ]);
  });

  it('should report once, on the first, when both are given', () => {
    expect(messagesOf(Subject, { measureId: ID, planId: ID })).toEqual([
      'measureId and planId must not both be given: exactly one of them is',
    ]);
  });
});

describe('IsListOf', () => {
  class Item {
    @IsString()
    readonly name?: unknown;
  }

  class Holder {
    @IsListOf(() => Item)
    readonly items?: unknown;

    @IsString()
    readonly other?: unknown;
  }

  it('should validate each item against the item class when the list is given', () => {
    expect(messagesOf(Holder, { items: [{ name: 'a' }, { name: 1 }], other: 'x' })).toEqual([
      'items.1.name must be a string',
    ]);
  });

  it('should reject an item that is not an object', () => {
    expect(messagesOf(Holder, { items: ['a'], other: 'x' })).toEqual([
      expect.stringContaining('each value in nested property items must be either object or array'),
    ]);
  });

  it('should reject the value when it is not a list', () => {
    expect(messagesOf(Holder, { items: { name: 'a' }, other: 'x' })).toContain(
      'items must be an array',
    );
  });

  it('should give the item class for a list and undefined for any other property', () => {
    expect(listItemClassOf(Holder, 'items')).toBe(Item);
    expect(listItemClassOf(Holder, 'other')).toBeUndefined();
  });
});

describe('IsActorId', () => {
  class Assignment {
    @IsActorId()
    readonly workerId?: unknown;
  }

  it.each(['usr_5f3a9c21', 'auth0:5f3a9c21', 'transitions:handoff-timer', 'a'])(
    'should accept %p as a user or process id',
    (workerId) => {
      expect(messagesOf(Assignment, { workerId })).toEqual([]);
    },
  );

  it.each(['', 'Maija Mallikas', 'maija@example.fi', 'x'.repeat(129), 42])(
    'should reject %p',
    (workerId) => {
      expect(messagesOf(Assignment, { workerId })).toEqual([
        'workerId must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -',
      ]);
    },
  );

  it('should reject a personal identity code, which has the id’s shape', () => {
    expect(messagesOf(Assignment, { workerId: '131052-308T' })).toEqual([
      'workerId must not contain a personal identity code (identity stays in client-intake)',
    ]);
  });
});

describe('IsOnlyItemWhenListed', () => {
  class Help {
    @IsOnlyItemWhenListed('NONE')
    readonly given?: unknown;
  }

  it.each([[['NONE']], [['A', 'B']], [[]], ['NONE']])('should accept %p', (given) => {
    expect(messagesOf(Help, { given })).toEqual([]);
  });

  it('should reject the item listed with others', () => {
    expect(messagesOf(Help, { given: ['A', 'NONE'] })).toEqual(['given must list NONE only alone']);
  });
});

describe('IsFalseWhen', () => {
  class FollowUp {
    @IsOptional()
    readonly status?: unknown;

    @IsFalseWhen('status', ['UNKNOWN'])
    readonly confirmed?: unknown;
  }

  it.each([
    ['UNKNOWN', false],
    ['SAME', true],
    ['SAME', false],
  ])('should accept status %p with %p', (status, confirmed) => {
    expect(messagesOf(FollowUp, { status, confirmed })).toEqual([]);
  });

  it('should reject true in the named case', () => {
    expect(messagesOf(FollowUp, { status: 'UNKNOWN', confirmed: true })).toEqual([
      'confirmed must be false when status is UNKNOWN',
    ]);
  });
});
