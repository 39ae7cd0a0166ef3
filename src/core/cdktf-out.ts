import { existsSync, statSync } from 'fs';
import { join, relative } from 'path';
import { InputError } from './errors';
import { parseJsonText, readInputText, readJsonFile } from './files';

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
 * cdktf.out layouts this reader understands: manifest.json with `stacks.<name>.synthesizedStackPath`
 * has been the layout since cdktf 0.15 (and of its fork, cdktn). Older or newer majors are
 * refused by name rather than half-read.
 */
export const SUPPORTED_CDKTF_OUT = { min: [0, 15], belowMajor: 1 } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkVersion(manifestPath: string, version: unknown): void {
  const m = typeof version === 'string' ? /^(\d+)\.(\d+)\.\d+/.exec(version) : null;
  if (!m) throw new InputError(`${manifestPath}: has no cdktf "version"; is this a cdktf.out directory? (run \`cdktf synth\`)`);
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const [minMajor, minMinor] = SUPPORTED_CDKTF_OUT.min;
  if (major >= SUPPORTED_CDKTF_OUT.belowMajor || major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new InputError(`${manifestPath}: written by cdktf ${version}; goldenpath reads cdktf.out from cdktf ${minMajor}.${minMinor} to ${SUPPORTED_CDKTF_OUT.belowMajor - 1}.x (synthesize again with the project's cdktf)`);
  }
}

/**
 * Read every stack of a cdktf.out directory through its manifest.json. Works on the output
 * of any CDKTF app; nothing of the TypeScript program is loaded. Anything unreadable or of
 * the wrong shape is an InputError naming the file.
 */
export function readCdktfOut(dir: string): SynthesizedStack[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError(`${dir}: no such directory; expected a cdktf.out directory (run \`cdktf synth\` first)`);
  }
  if (!stat.isDirectory()) throw new InputError(`${dir}: is a file; expected a cdktf.out directory (run \`cdktf synth\` first)`);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new InputError(`${manifestPath}: not found; is ${dir} a cdktf.out directory? (run \`cdktf synth\` first)`);
  const manifest = readJsonFile(manifestPath, 'the manifest.json cdktf synth writes');
  if (!isObject(manifest)) throw new InputError(`${manifestPath}: is not a cdktf manifest (expected a JSON object with "version" and "stacks")`);
  checkVersion(manifestPath, manifest.version);
  if (!isObject(manifest.stacks)) throw new InputError(`${manifestPath}: has no "stacks" object`);
  return Object.entries(manifest.stacks).map(([name, entry]) => {
    if (!isObject(entry) || typeof entry.synthesizedStackPath !== 'string') throw new InputError(`${manifestPath}: stack ${name} has no synthesizedStackPath`);
    const path = join(dir, entry.synthesizedStackPath);
    if (!existsSync(path)) throw new InputError(`${path}: missing (listed in ${manifestPath})`);
    const text = readInputText(path, `the Terraform JSON of stack ${name}`);
    const json = parseJsonText(text, path);
    checkStackShape(path, json);
    const dependencies = Array.isArray(entry.dependencies) ? entry.dependencies.filter((d: unknown): d is string => typeof d === 'string').sort() : [];
    let lines: Map<string, number> | undefined;
    return {
      name,
      file: relative(process.cwd(), path) || path,
      json,
      dependencies,
      // only SARIF needs line numbers; finding them walks the whole text, so not before asked
      get lines() {
        return (lines ??= resourceLines(text));
      },
    };
  });
}

/**
 * Read several cdktf.out directories (a platform's and its service repositories') as one set
 * of stacks. Stack names are the join key of everything after synth, so a name two folders
 * share is an error naming both.
 */
export function readCdktfOuts(dirs: readonly string[]): SynthesizedStack[] {
  const from = new Map<string, string>();
  const stacks: SynthesizedStack[] = [];
  for (const dir of dirs.length ? dirs : ['cdktf.out']) {
    for (const stack of readCdktfOut(dir)) {
      const other = from.get(stack.name);
      if (other !== undefined) throw new InputError(`stack ${stack.name} is in both ${other} and ${dir}; stack names must be unique across the folders read together`);
      from.set(stack.name, dir);
      stacks.push(stack);
    }
  }
  return stacks;
}

/** Terraform JSON's top-level blocks that hold `type -> name -> config` maps. */
const TYPED_BLOCKS = ['resource', 'data'] as const;

function checkStackShape(path: string, json: unknown): asserts json is Record<string, unknown> {
  if (!isObject(json)) throw new InputError(`${path}: is not Terraform JSON (expected an object)`);
  for (const block of TYPED_BLOCKS) {
    const types = json[block];
    if (types === undefined) continue;
    if (!isObject(types)) throw new InputError(`${path}: "${block}" is not an object of resource types`);
    for (const [type, byName] of Object.entries(types)) {
      if (!isObject(byName)) throw new InputError(`${path}: "${block}.${type}" is not an object of named ${block === 'data' ? 'data sources' : 'resources'}`);
      for (const [name, config] of Object.entries(byName)) {
        if (!isObject(config)) throw new InputError(`${path}: "${block}.${type}.${name}" is not an object`);
      }
    }
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
