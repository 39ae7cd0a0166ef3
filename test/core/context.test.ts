import { Construct } from 'constructs';
import { GoldenPathContext } from '../../src/core/context';
import { testStack } from '../helpers';

describe('GoldenPathContext', () => {
  test('values set on any ancestor are found, the nearest wins', () => {
    const { app, stack } = testStack();
    GoldenPathContext.set(app, { org: 'acme', team: 'platform' });
    const team = new Construct(stack, 'team');
    GoldenPathContext.set(team, { team: 'payments' });
    const leaf = new Construct(team, 'leaf');
    expect(GoldenPathContext.of(leaf)).toEqual({ org: 'acme', team: 'payments', owner: 'group:payments' });
  });

  test('an explicit owner is kept; undefined values do not erase inherited ones', () => {
    const { stack } = testStack();
    GoldenPathContext.set(stack, { team: 'payments', owner: 'user:jane' });
    const child = new Construct(stack, 'c');
    GoldenPathContext.set(child, { team: undefined, service: 'api' });
    expect(GoldenPathContext.of(child)).toEqual({ team: 'payments', owner: 'user:jane', service: 'api' });
  });

  test('the kind comes from the nearest golden-path construct', () => {
    const { stack } = testStack();
    const outer = new Construct(stack, 'outer');
    GoldenPathContext.markKind(outer, 'environment');
    const inner = new Construct(outer, 'inner');
    GoldenPathContext.markKind(inner, 'secure-bucket');
    expect(GoldenPathContext.of(new Construct(inner, 'x')).kind).toBe('secure-bucket');
    expect(GoldenPathContext.of(new Construct(outer, 'y')).kind).toBe('environment');
  });
});
