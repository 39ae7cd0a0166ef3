import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { compare, runFresh, verdict } from './measure';

const root = join(__dirname, '..');

/** Every module our compiled library requires from cdktf, constructs and the providers. */
function dependencyModules(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {walk(file);} else if (name.endsWith('.js')) {
        for (const m of readFileSync(file, 'utf8').matchAll(/require\("((?:@cdktf\/provider-[a-z]+\/lib\/[a-z0-9-]+)|cdktf|constructs)"\)/g)) found.add(m[1]);
      }
    }
  };
  walk(join(root, 'lib'));
  return [...found].sort();
}

/** The main entry and every golden-path subpath entry (what package.json exports). */
function entryPoints(): string[] {
  const constructs = join(root, 'lib/constructs');
  return [join(root, 'lib/src/index.js'), ...readdirSync(constructs).map((d) => join(constructs, d, 'index.js'))];
}

function script(modules: string[]): string {
  return `const t=process.hrtime.bigint();${modules.map((m) => `require(${JSON.stringify(m)});`).join('')}` +
    'const ms=Number(process.hrtime.bigint()-t)/1e6;' +
    'console.log(JSON.stringify({ms,rssMb:process.memoryUsage().rss/1048576}));';
}

export function benchImport(runs = 7): boolean {
  const deps = dependencyModules();
  const { a: ours, b: raw } = compare(runs,
    () => runFresh(script(entryPoints()), root),
    () => runFresh(script(deps), root));
  const ratio = ours.ms / raw.ms;
  console.log(`import: goldenpath (main entry and every subpath) ${ours.ms.toFixed(0)} ms, ${ours.rssMb.toFixed(0)} MB RSS | ` +
    `cdktf + the same ${deps.length} provider/cdktf modules ${raw.ms.toFixed(0)} ms, ${raw.rssMb.toFixed(0)} MB | median of ${runs}`);
  const okRatio = ratio <= 1.5;
  const okRss = ours.rssMb <= 150;
  console.log(`  import time ratio ${ratio.toFixed(2)} (target <= 1.5: ${verdict(okRatio)}); RSS ${ours.rssMb.toFixed(0)} MB (target <= 150: ${verdict(okRss)})`);
  return okRatio && okRss;
}
