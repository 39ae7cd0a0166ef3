import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { InputError } from './errors';

/**
 * Every file the CLI reads goes through here, so a missing path, a directory, an empty or
 * huge file, broken or absurdly nested JSON is one InputError line (exit 2), never a stack
 * trace or an out-of-memory crash.
 */

/** Inputs larger than this are refused; GOLDENPATH_MAX_INPUT_MB raises it. */
export const DEFAULT_MAX_INPUT_MB = 64;

/** Deeper JSON is refused before parsing: the readers walk documents recursively. */
export const MAX_JSON_DEPTH = 256;

/** The input size limit in bytes, from GOLDENPATH_MAX_INPUT_MB or the default. */
export function maxInputBytes(): number {
  const raw = process.env.GOLDENPATH_MAX_INPUT_MB;
  if (raw === undefined || raw === '') return DEFAULT_MAX_INPUT_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new InputError(`GOLDENPATH_MAX_INPUT_MB must be a positive number of megabytes, got ${JSON.stringify(raw)}`);
  return mb * 1024 * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Read a text file given on the command line. `what` names what it should be ("a plan
 * file"), for the message.
 */
export function readInputText(path: string, what: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new InputError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(err as NodeJS.ErrnoException).code})`}; expected ${what}`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory; expected ${what}`);
  const limit = maxInputBytes();
  if (stat.size > limit) throw new InputError(`${path}: ${mb(stat.size)} is over the ${mb(limit)} input limit (GOLDENPATH_MAX_INPUT_MB raises it); expected ${what}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); expected ${what}`);
  }
  // tested without copying the text: inputs may be tens of megabytes
  if (!/\S/.test(text)) throw new InputError(`${path}: is empty; expected ${what}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark (some Windows tools write one) is not content
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted without parsing it. Strings
 * are skipped with indexOf (native, so about half the time of JSON.parse itself); an
 * unterminated string ends the count and is left to JSON.parse to report.
 */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return deepest;
        let backslash = end - 1;
        while (text.charCodeAt(backslash) === 0x5c) backslash--;
        if ((end - 1 - backslash) % 2 === 0) break; // an even number of backslashes: the quote ends the string
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** Control characters quoted from a binary file would garble the terminal: shown as escapes. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parse JSON text from `source`: one-line errors, and a depth limit checked first. */
export function parseJsonText(text: string, source: string): unknown {
  // the most common slip: the saved plan of `terraform plan -out` (a zip archive) instead of its JSON
  if (text.startsWith('PK\u0003\u0004')) throw new InputError(`${source}: is a zip archive, not JSON; if it is a saved plan (terraform plan -out), give its JSON: terraform show -json ${source} > plan.json`);
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new InputError(`${source}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; refusing to read it`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${source}: not valid JSON (${printable((err as Error).message.split('\n')[0])})`);
  }
}

/** Read and parse a JSON file given on the command line. */
export function readJsonFile(path: string, what: string): unknown {
  return parseJsonText(readInputText(path, what), path);
}

/**
 * Write a file whole or not at all: into a temporary file beside it, flushed, then renamed
 * over the target, so a reader (or a failed run) never leaves half a report.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${process.pid}.${Date.now().toString(36)}.goldenpath.tmp`);
  try {
    // refused before anything is written: rename cannot replace a directory
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot be written (${code === 'EISDIR' ? 'is a directory' : code === 'ENOTDIR' ? 'a parent is not a directory' : code ?? (err as Error).message})`);
  }
}

/** Write several files under `dir`, each atomically, in a stable order. */
export function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) writeFileAtomic(join(dir, rel), content);
}

/** The stat of a path, or undefined where nothing is (a file where a parent folder belongs included). */
function statIfAny(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of a path (the path itself when it exists). */
function nearestExisting(path: string): { path: string; isDirectory: boolean } {
  let current = resolve(path);
  for (;;) {
    const stat = statIfAny(current);
    if (stat) return { path: current, isDirectory: stat.isDirectory() };
    const parent = dirname(current);
    if (parent === current) return { path: current, isDirectory: false };
    current = parent;
  }
}

/**
 * Whether files can be created in an existing directory, tried for real: permission bits
 * say nothing for root, and read-only mounts or /proc refuse whatever the bits say.
 */
function canCreateIn(dir: string): string | undefined {
  const probe = join(dir, `.${process.pid}.${Date.now().toString(36)}.goldenpath.probe`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}

/**
 * Check, before any work, that `path` (given as `flag`) can become a folder of output: it is
 * a folder or can be made one, and files can be created there. One InputError line otherwise.
 */
export function checkOutputDir(path: string, flag: string): void {
  const existing = nearestExisting(path);
  const where = existing.path === resolve(path) ? 'is a file' : `its ancestor ${existing.path} is a file`;
  if (!existing.isDirectory) throw new InputError(`${flag} ${path}: ${where}, and a folder is wanted here`);
  const refused = canCreateIn(existing.path);
  if (refused) throw new InputError(`${flag} ${path}: cannot be written (${refused} creating a file in ${existing.path})`);
}

/** Check, before any work, that `path` (given as `flag`) can be written as one file. */
export function checkOutputFile(path: string, flag: string): void {
  if (statIfAny(path)?.isDirectory()) throw new InputError(`${flag} ${path}: is a folder, and a file is wanted here`);
  const existing = nearestExisting(dirname(resolve(path)));
  if (!existing.isDirectory) throw new InputError(`${flag} ${path}: its parent ${existing.path} is a file, not a folder`);
  const refused = canCreateIn(existing.path);
  if (refused) throw new InputError(`${flag} ${path}: cannot be written (${refused} creating a file in ${existing.path})`);
}
