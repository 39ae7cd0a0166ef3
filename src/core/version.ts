import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/** What goldenpath's own package.json says (the parts tools read). */
export interface GoldenPathPackage {
  readonly version: string;
  /** The package's root directory (templates and schemas ship there). */
  readonly root: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

let cached: GoldenPathPackage | undefined;

/**
 * goldenpath's package.json, found by walking up from this file because the source
 * (src/core) and the build (lib/src/core) sit at different depths.
 */
export function goldenPathPackage(): GoldenPathPackage {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === 'goldenpath') {
        return (cached = { version: String(pkg.version), root: dir, peerDependencies: pkg.peerDependencies ?? {}, devDependencies: pkg.devDependencies ?? {} });
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = { version: '0.0.0', root: dirname(dirname(__dirname)), peerDependencies: {}, devDependencies: {} });
    dir = parent;
  }
}

/** The installed goldenpath version. */
export function goldenPathVersion(): string {
  return goldenPathPackage().version;
}
