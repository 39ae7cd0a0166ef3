import { formatBlock, isPrivate, overlaps, parseIpv4Cidr, subnetLayout } from '../../../constructs/environment/cidr';

describe('CIDR arithmetic', () => {
  test('parses strictly: the address must start its block', () => {
    expect(parseIpv4Cidr('10.20.0.0/16')).toEqual({ base: 10 * 2 ** 24 + 20 * 2 ** 16, prefix: 16 });
    expect(parseIpv4Cidr('10.20.1.0/16')).toBeUndefined();
    expect(parseIpv4Cidr('10.20.0.0')).toBeUndefined();
    expect(parseIpv4Cidr('300.1.1.1/8')).toBeUndefined();
    expect(parseIpv4Cidr('fd00::/8')).toBeUndefined();
  });

  test('overlap and private ranges', () => {
    const p = (c: string) => parseIpv4Cidr(c)!;
    expect(overlaps(p('10.0.0.0/16'), p('10.0.128.0/17'))).toBe(true);
    expect(overlaps(p('10.0.0.0/16'), p('10.1.0.0/16'))).toBe(false);
    expect(isPrivate(p('172.20.0.0/16'))).toBe(true);
    expect(isPrivate(p('172.32.0.0/16'))).toBe(false);
    expect(isPrivate(p('8.0.0.0/16'))).toBe(false);
  });

  test('subnet layout: private quarters, public and isolated eighths of the last quarter, no overlaps', () => {
    const layout = subnetLayout(parseIpv4Cidr('10.20.0.0/16')!, 3);
    expect(layout).toEqual({
      private: ['10.20.0.0/18', '10.20.64.0/18', '10.20.128.0/18'],
      public: ['10.20.192.0/21', '10.20.200.0/21', '10.20.208.0/21'],
      isolated: ['10.20.224.0/21', '10.20.232.0/21', '10.20.240.0/21'],
    });
    const all = [...layout.private, ...layout.public, ...layout.isolated].map((c) => parseIpv4Cidr(c)!);
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(formatBlock(parseIpv4Cidr('192.168.16.0/20')!)).toBe('192.168.16.0/20');
  });
});
