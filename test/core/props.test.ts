import { PlatformValidationError } from '../../src/core/errors';
import { checkProps, opt, P } from '../../src/core/props';

const schema = {
  name: P.string(),
  size: opt(P.enum('small', 'large')),
  replicas: opt(P.number({ integer: true, min: 1, max: 10 })),
  tags: opt(P.record(P.string({ nonEmpty: false }))),
  ports: opt(P.list(P.number({ integer: true }), { minItems: 1 })),
  db: opt(P.object({ engine: P.enum('postgres') })),
};

function message(props: unknown): string {
  try {
    checkProps('Stack/Thing', props, schema, 'ThingProps');
  } catch (err) {
    expect(err).toBeInstanceOf(PlatformValidationError);
    return (err as Error).message;
  }
  throw new Error('expected a PlatformValidationError');
}

describe('checkProps', () => {
  test('valid props pass, optional ones may be left out', () => {
    expect(() => checkProps('Stack/Thing', { name: 'a' }, schema)).not.toThrow();
    expect(() => checkProps('Stack/Thing', { name: 'a', size: 'large', replicas: 10, tags: { a: '' }, ports: [80], db: { engine: 'postgres' } }, schema)).not.toThrow();
  });

  test('a missing required prop names the prop and what is allowed', () => {
    expect(message({})).toMatch(/Stack\/Thing.*name.*required: a non-empty string/);
  });

  test('an unknown prop is an error with a did-you-mean hint', () => {
    expect(message({ name: 'a', replica: 2 })).toMatch(/replica.*is not a prop here; did you mean `replicas`\?/);
  });

  test('null is rejected rather than treated as left out', () => {
    expect(message({ name: 'a', size: null })).toMatch(/size.*one of small, large \(or left out\), not null/);
  });

  test('numbers out of range, fractional or NaN name the bounds', () => {
    expect(message({ name: 'a', replicas: 11 })).toMatch(/replicas.*a whole number from 1 to 10/);
    expect(message({ name: 'a', replicas: 1.5 })).toMatch(/whole number/);
    expect(message({ name: 'a', replicas: Number.NaN })).toMatch(/replicas/);
  });

  test('nested paths are named: list items, record values and object props', () => {
    expect(message({ name: 'a', ports: [80, 'x'] })).toMatch(/ports\[1\]/);
    expect(message({ name: 'a', ports: [] })).toMatch(/ports.*at least 1/);
    expect(message({ name: 'a', tags: { team: 3 } })).toMatch(/tags\.team/);
    expect(message({ name: 'a', db: { engine: 'mysql' } })).toMatch(/db\.engine.*one of postgres/);
    expect(message({ name: 'a', db: { engin: 'postgres' } })).toMatch(/db\.engin.*did you mean `db\.engine`/);
  });

  test('props that are not an object are one clear error', () => {
    expect(message('ledger')).toMatch(/ThingProps.*must be an object with name/);
    expect(message(null)).toMatch(/ThingProps/);
  });
});
