import { schemaViolations } from './openapi-conformance';
import { OpenApiSampleError, SAMPLE_UUID, sampleFromSchema } from './openapi-sample';

const schemas = {
  Destination: {
    type: 'object',
    properties: {
      group: { type: 'string', enum: ['A', 'B'] },
      note: { type: 'string', maxLength: 3 },
    },
    required: ['group'],
    additionalProperties: false,
  },
};

describe('sampleFromSchema', () => {
  it('should take examples first, then the first enum value, then a value within the limits', () => {
    const body = sampleFromSchema(
      {
        type: 'object',
        properties: {
          date: { type: 'string', format: 'date', example: '2026-11-30' },
          kind: { type: 'string', enum: ['X', 'Y'] },
          id: { type: 'string', format: 'uuid' },
          days: { type: 'integer', minimum: 2, maximum: 7 },
          tags: {
            type: 'array',
            items: { type: 'string', enum: ['P', 'Q'] },
            minItems: 2,
            uniqueItems: true,
          },
          destination: { allOf: [{ $ref: '#/components/schemas/Destination' }], description: 'x' },
          optional: { type: 'string' },
          never: { not: {} },
        },
        required: ['date', 'kind', 'id', 'days', 'tags', 'destination', 'never'],
      },
      { schemas },
    );

    expect(body).toEqual({
      date: '2026-11-30',
      kind: 'X',
      id: SAMPLE_UUID,
      days: 2,
      tags: ['P', 'Q'],
      destination: { group: 'A' },
    });
  });

  it('should ask for an example where the schema alone gives no valid value', () => {
    expect(() => sampleFromSchema({ type: 'string', pattern: '^\\d{6}$' }, { schemas })).toThrow(
      OpenApiSampleError,
    );
    expect(() => sampleFromSchema({ type: 'string', format: 'email' }, { schemas })).toThrow(
      /needs an example/,
    );
    expect(() => sampleFromSchema({ type: 'string', oneOf: [] }, { schemas })).toThrow(/oneOf/);
  });
});

describe('schemaViolations', () => {
  it('should name each rule a value breaks and nothing for a value that fits', () => {
    const schema = { $ref: '#/components/schemas/Destination' };

    expect(schemaViolations({ group: 'A', note: 'ok' }, schema, schemas)).toEqual([]);
    expect(schemaViolations({ note: 'long', other: 1 }, schema, schemas)).toEqual([
      '.group: required',
      '.note: longer than 3',
      '.other: not in the schema',
    ]);
    expect(schemaViolations('7', { type: 'string', format: 'uuid' }, schemas)).toEqual([
      ': not a uuid',
    ]);
  });
});
