import { existsSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { InputError } from './errors';

/** One synthesized stack read from cdktf.out. */
export interface SynthesizedStack {
  readonly name: string;
  /** Path of cdk.tf.json relative to the current directory (for reports and SARIF). */
  readonly file: string;
  readonly json: any;
  /** 1-based line of each resource (`type.name`) in cdk.tf.json. */
  readonly lines: ReadonlyMap<string, number>;
  /** Stacks this one depends on (manifest.json), sorted. */
  readonly dependencies: readonly string[];
}

/**
 * Read every stack of a cdktf.out directory through its manifest.json. Works on the output
 * of any CDKTF app; nothing of the TypeScript program is loaded.
 */
export function readCdktfOut(dir: string): SynthesizedStack[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory (run \`cdktf synth\` first)`);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new InputError(`${manifestPath}: not found; is ${dir} a cdktf.out directory?`);
  const manifest = parseJson(manifestPath);
  if (typeof manifest?.stacks !== 'object' || manifest.stacks === null) throw new InputError(`${manifestPath}: has no "stacks" object`);
  return Object.entries<any>(manifest.stacks).map(([name, entry]) => {
    if (typeof entry?.synthesizedStackPath !== 'string') throw new InputError(`${manifestPath}: stack ${name} has no synthesizedStackPath`);
    const path = join(dir, entry.synthesizedStackPath);
    if (!existsSync(path)) throw new InputError(`${path}: missing (listed in ${manifestPath})`);
    const text = readFileSync(path, 'utf8');
    const json = parseJson(path, text);
    const dependencies = Array.isArray(entry.dependencies) ? entry.dependencies.filter((d: unknown): d is string => typeof d === 'string').sort() : [];
    return { name, file: relative(process.cwd(), path) || path, json, lines: resourceLines(text), dependencies };
  });
}

function parseJson(path: string, text?: string): any {
  try {
    return JSON.parse(text ?? readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Line numbers of resources in cdktf's stable, 2-space-indented JSON, found in one pass:
 * a type key sits at 4 spaces inside "resource", a resource name at 6.
 */
export function resourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inResource = false;
  let type: string | undefined;
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (/^ {2}"/.test(row)) {
      inResource = row.startsWith('  "resource": {');
      continue;
    }
    if (!inResource) continue;
    const t = /^ {4}"([^"]+)": \{/.exec(row);
    if (t) {
      type = t[1];
      continue;
    }
    const n = /^ {6}"([^"]+)": \{/.exec(row);
    if (n && type) lines.set(`${type}.${n[1]}`, i + 1);
  }
  return lines;
}
