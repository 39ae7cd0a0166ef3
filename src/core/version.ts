import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

let cached: string | undefined;

/**
 * The installed goldenpath version. Found by walking up from this file because the
 * source (src/core) and the build (lib/src/core) sit at different depths.
 */
export function goldenPathVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === 'goldenpath') return (cached = String(pkg.version));
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = '0.0.0');
    dir = parent;
  }
}
