import { jsonDepth } from '../../src/core/files';

describe('jsonDepth', () => {
  test.each([
    ['{}', 1],
    ['[]', 1],
    ['1', 0],
    ['{"a":[{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1], // brackets in strings do not count
    ['{"a":"quote \\" then [[["}', 1], // an escaped quote does not end the string
    ['{"a":"backslash \\\\","b":[[]]}', 3], // an escaped backslash before the closing quote
    ['{"a":"unterminated [[[', 1],
  ])('%s is %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  test('stops counting past the limit', () => {
    expect(jsonDepth('['.repeat(100_000), 256)).toBe(257);
  });
});
