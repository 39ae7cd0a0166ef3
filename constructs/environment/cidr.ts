import * as ipaddr from 'ipaddr.js';

/** An IPv4 block as numbers, for subnet arithmetic. */
export interface Ipv4Block {
  readonly base: number;
  readonly prefix: number;
}

/** Parse `a.b.c.d/n` strictly (ipaddr.js does the parsing); the address must be the block's first. */
export function parseIpv4Cidr(cidr: string): Ipv4Block | undefined {
  if (typeof cidr !== 'string' || !ipaddr.IPv4.isValidCIDR(cidr)) return undefined;
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  const base = addr.toByteArray().reduce((n, b) => n * 256 + b, 0);
  const size = 2 ** (32 - prefix);
  return base % size === 0 ? { base, prefix } : undefined;
}

export function formatBlock(block: Ipv4Block): string {
  const b = block.base;
  return `${[24, 16, 8, 0].map((s) => Math.floor(b / 2 ** s) % 256).join('.')}/${block.prefix}`;
}

/** The `index`-th sub-block with `newBits` more prefix bits. */
export function subBlock(block: Ipv4Block, newBits: number, index: number): Ipv4Block {
  const prefix = block.prefix + newBits;
  return { base: block.base + index * 2 ** (32 - prefix), prefix };
}

export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  const aEnd = a.base + 2 ** (32 - a.prefix);
  const bEnd = b.base + 2 ** (32 - b.prefix);
  return a.base < bEnd && b.base < aEnd;
}

/** RFC 1918 private ranges: a VPC should use one of them. */
export function isPrivate(block: Ipv4Block): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((r) => {
    const range = parseIpv4Cidr(r)!;
    return overlaps(range, block) && block.prefix >= range.prefix;
  });
}

/**
 * Subnet layout of one VPC over `azs` zones (2 or 3): private subnets take a quarter of the
 * VPC each (room for pods), public and isolated ones share the last quarter in eighths.
 */
export function subnetLayout(vpc: Ipv4Block, azs: number): { public: string[]; private: string[]; isolated: string[] } {
  const lastQuarter = subBlock(vpc, 2, 3);
  const range = [...Array(azs).keys()];
  return {
    private: range.map((i) => formatBlock(subBlock(vpc, 2, i))),
    public: range.map((i) => formatBlock(subBlock(lastQuarter, 3, i))),
    isolated: range.map((i) => formatBlock(subBlock(lastQuarter, 3, 4 + i))),
  };
}
