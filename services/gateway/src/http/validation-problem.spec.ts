import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { ProblemException } from '../problem/problem.exception';
import { reservedFieldsIn } from '@polku/service-runtime';
import { createValidationPipe, fieldErrorsOf, validationProblem } from './validation-problem';

class GoalDto {
  @IsString()
  @MaxLength(10)
  title!: string;

  @Matches(/^\d{5}$/, { message: '$property must be five digits, got $value' })
  postalCode!: string;
}

class PlanDto {
  @IsInt()
  version!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals!: GoalDto[];
}

class ReferralDto {
  @ValidateNested()
  @Type(() => PlanDto)
  plan!: PlanDto;
}

function errorsFor(body: object) {
  return validateSync(plainToInstance(ReferralDto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: true },
  });
}

const validGoal = { title: 'Work trial', postalCode: '87100' };

describe('fieldErrorsOf', () => {
  it('should name a nested array element by its dotted and indexed path', () => {
    const errors = errorsFor({
      plan: { version: 1, goals: [validGoal, { ...validGoal, title: 'Far too long a title' }] },
    });

    expect(fieldErrorsOf(errors)).toEqual([
      {
        field: 'plan.goals[1].title',
        message: 'title must be shorter than or equal to 10 characters',
      },
    ]);
  });

  it('should name an unknown field where it was sent when forbidding unknown fields', () => {
    const errors = errorsFor({ plan: { version: 1, goals: [], henkilotunnus: '010203-123X' } });

    expect(fieldErrorsOf(errors)).toEqual([
      { field: 'plan.henkilotunnus', message: 'property henkilotunnus should not exist' },
    ]);
  });

  it('should mask the submitted value when a message is written with $value', () => {
    const secret = 'Matti 010203-123X';
    const errors = errorsFor({
      plan: { version: 1, goals: [{ ...validGoal, postalCode: secret }] },
    });

    expect(fieldErrorsOf(errors)).toEqual([
      {
        field: 'plan.goals[0].postalCode',
        message: 'postalCode must be five digits, got (value)',
      },
    ]);
  });

  it('should list every broken rule of a field when several fail', () => {
    const errors = errorsFor({ plan: { version: 1, goals: [{ ...validGoal, title: 7 }] } });

    expect(fieldErrorsOf(errors)).toEqual([
      {
        field: 'plan.goals[0].title',
        message: 'title must be shorter than or equal to 10 characters',
      },
      { field: 'plan.goals[0].title', message: 'title must be a string' },
    ]);
  });
});

describe('validationProblem', () => {
  it('should be a 400 validation-failed problem carrying the field errors', () => {
    const exception = validationProblem(errorsFor({ plan: { version: 'one', goals: [] } }));

    expect(exception.getStatus()).toBe(400);
    expect(exception.problem).toMatchObject({
      type: 'urn:polku:problem:validation-failed',
      status: 400,
      errors: [{ field: 'plan.version', message: 'version must be an integer number' }],
    });
  });
});

describe('reserved field names', () => {
  // Found by the command fuzzer: class-transformer drops `constructor` without a word, so the
  // body passed as valid and reached a service.
  it('should name every constructor, __proto__ and prototype field at any depth', () => {
    const body = JSON.parse(
      '{"constructor":{},"plan":{"goals":[{"__proto__":{"x":1}},{"prototype":2}]}}',
    ) as unknown;

    expect(reservedFieldsIn(body)).toEqual([
      { field: 'constructor', message: 'property constructor should not exist' },
      { field: 'plan.goals[0].__proto__', message: 'property __proto__ should not exist' },
      { field: 'plan.goals[1].prototype', message: 'property prototype should not exist' },
    ]);
  });

  it.each(['valueOf', 'toString', 'hasOwnProperty', '__defineGetter__'])(
    'should name a field called %s, which class-transformer would drop unseen',
    (key) => {
      expect(reservedFieldsIn({ kind: 'STATEMENT', [key]: [] })).toEqual([
        { field: key, message: `property ${key} should not exist` },
      ]);
    },
  );

  it('should refuse a body with a reserved field as a 400 problem, not pass it as valid', async () => {
    const pipe = createValidationPipe();
    const body = { plan: { version: 1, goals: [validGoal] }, constructor: {} };

    const refusal = await pipe.transform(body, { type: 'body', metatype: ReferralDto }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(refusal).toBeInstanceOf(ProblemException);
    expect((refusal as ProblemException).problem).toMatchObject({
      status: 400,
      errors: [{ field: 'constructor', message: 'property constructor should not exist' }],
    });
  });

  it.each([[[]], ['text'], [7], [null]])(
    'should refuse %j as the body of a command, which must be an object',
    async (body) => {
      const refusal = await createValidationPipe()
        .transform(body, { type: 'body', metatype: ReferralDto })
        .then(
          () => undefined,
          (error: unknown) => error,
        );

      expect(refusal).toBeInstanceOf(ProblemException);
      expect((refusal as ProblemException).problem).toMatchObject({ status: 400 });
    },
  );

  it('should take a missing body as an empty object, so required fields are named', async () => {
    const refusal = await createValidationPipe()
      .transform(undefined, { type: 'body', metatype: GoalDto })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect((refusal as ProblemException).problem).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([{ field: 'title', message: expect.any(String) }]),
    });
  });

  it('should still pass a valid body through as an instance of its DTO', async () => {
    const pipe = createValidationPipe();

    const dto = await pipe.transform(
      { plan: { version: 1, goals: [validGoal] } },
      { type: 'body', metatype: ReferralDto },
    );

    expect(dto).toBeInstanceOf(ReferralDto);
  });
});
