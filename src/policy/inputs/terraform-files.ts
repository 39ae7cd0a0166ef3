import { readdirSync, statSync } from 'fs';
import { basename, dirname, join, relative } from 'path';
import { InputError } from '../../core/errors';
import { parseJsonText, readInputText } from '../../core/files';

/** One Terraform module (a directory of configuration files) to check, in Terraform JSON shape. */
export interface CheckedStack {
  readonly name: string;
  /** The file reports point at. */
  readonly file: string;
  readonly json: any;
  /** 1-based line of each resource (`type.name`), where known. */
  readonly lines: ReadonlyMap<string, number>;
  /** The file of each resource, where the module has several. */
  readonly files?: ReadonlyMap<string, string>;
}

const isConfigFile = (name: string) => name.endsWith('.tf') || name.endsWith('.tf.json');
/** The variable files Terraform reads on its own, in its order: terraform.tfvars, then *.auto.tfvars by name. */
const isAutoVarsFile = (name: string) => /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
const varsOrder = (a: string, b: string) => Number(/^terraform\./.test(b)) - Number(/^terraform\./.test(a)) || a.localeCompare(b);
const SKIPPED_DIRS = new Set(['.terraform', 'node_modules', '.git']);

/** A module: a directory's configuration files and the variable files Terraform reads with them. */
interface ModuleFiles { readonly dir: string; readonly files: string[]; readonly varFiles: string[] }

/** The directories under `root` (itself included) that hold Terraform configuration files, sorted. */
function moduleDirs(root: string): ModuleFiles[] {
  const out: ModuleFiles[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const named = (keep: (name: string) => boolean) => entries.filter((e) => e.isFile() && keep(e.name)).map((e) => e.name);
    const files = named(isConfigFile);
    if (files.length) out.push({ dir, files: files.map((f) => join(dir, f)), varFiles: named(isAutoVarsFile).sort(varsOrder).map((f) => join(dir, f)) });
    for (const e of entries) if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) walk(join(dir, e.name));
  };
  walk(root);
  return out;
}

/** Merge one file's Terraform JSON into the module's: resource/data by type and name, the rest by key. */
function mergeInto(target: Record<string, any>, doc: Record<string, any>, file: string, files: Map<string, string>): void {
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'resource' || key === 'data') {
      const byType = (target[key] ??= {});
      for (const [type, byName] of Object.entries<any>(value ?? {})) {
        const names = (byType[type] ??= {});
        for (const [name, config] of Object.entries<any>(byName ?? {})) {
          names[name] = config;
          if (key === 'resource') files.set(`${type}.${name}`, file);
        }
      }
    } else if (key === 'locals') {
      target.locals = [...(target.locals ?? []), ...(Array.isArray(value) ? value : [value])];
    } else if (key === 'variable') {
      target.variable = { ...(target.variable ?? {}), ...value };
    }
  }
}

/** Line of `resource "type" "name"` in HCL, or of `"name": {` after the type's key in JSON. */
function resourceLine(text: string, type: string, name: string, hcl: boolean): number | undefined {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  if (hcl) {
    const m = new RegExp(`^[ \\t]*resource[ \\t]+"?${esc(type)}"?[ \\t]+"?${esc(name)}"?[ \\t]*\\{`, 'm').exec(text);
    return m ? lineAt(m.index) : undefined;
  }
  const typeAt = text.indexOf(`"${type}"`);
  if (typeAt < 0) return undefined;
  const nameAt = text.indexOf(`"${name}"`, typeAt + type.length + 2);
  return nameAt < 0 ? undefined : lineAt(nameAt);
}

const MISSING_NEWLINE = /:(\d+),(\d+)-\d+: Missing newline after argument/;

/**
 * Parse HCL with hcl2json, the converter cdktf itself ships (Go's HCL parser compiled to
 * WebAssembly). One slip is forgiven, as lenient HCL readers do: a block closed on the
 * line of its last argument (`status = "Enabled"}`), which Terraform refuses. The file is
 * read as if the newline were there, and stderr says so.
 */
async function parseHcl(file: string, text: string): Promise<Record<string, any>> {
  const { parse } = await import('@cdktf/hcl2json');
  let source = text;
  for (let repairs = 0; ; repairs++) {
    try {
      const parsed = await parse(basename(file), source);
      if (repairs) process.stderr.write(`goldenpath: ${file}: Terraform would refuse ${repairs === 1 ? 'a closing brace' : `${repairs} closing braces`} on the line of an argument; checked as if on the next line\n`);
      return parsed;
    } catch (err) {
      const message = String((err as Error).message ?? err);
      const at = MISSING_NEWLINE.exec(message);
      const lines = source.split('\n');
      const [line, column] = at ? [Number(at[1]) - 1, Number(at[2]) - 1] : [-1, -1];
      if (at && repairs < 50 && lines[line]?.slice(column).trimStart().startsWith('}')) {
        lines[line] = `${lines[line].slice(0, column)}\n${lines[line].slice(column)}`;
        source = lines.join('\n');
        continue;
      }
      const first = message.split('\n')[0];
      throw new InputError(`${file}: is not valid Terraform HCL (${first.replace(/^.*?errors on input string .*?: /, '').replace(/^parse config: /, '')})`);
    }
  }
}

/**
 * Read plain Terraform: a `*.tf` / `*.tf.json` file, or a directory in which every
 * directory holding such files is one module, checked as one stack named by its path.
 */
export async function readTerraformFiles(path: string): Promise<CheckedStack[]> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file or directory (expected a cdktf.out directory, a *.tf or *.tf.json file, or a directory of them)`);
  }
  if (stat.isFile() && !isConfigFile(path)) throw new InputError(`${path}: not a Terraform file (expected *.tf or *.tf.json, or a directory)`);
  // a single file is read alone: the variable files belong to its whole module
  const groups: ModuleFiles[] = stat.isFile() ? [{ dir: dirname(path), files: [path], varFiles: [] }] : moduleDirs(path);
  if (groups.length === 0) throw new InputError(`${path}: holds no cdktf.out manifest.json and no *.tf or *.tf.json files`);
  const stacks: CheckedStack[] = [];
  for (const { dir, files, varFiles } of groups) {
    const json: Record<string, any> = {};
    const fileOf = new Map<string, string>();
    const lines = new Map<string, number>();
    const texts = new Map<string, string>();
    for (const file of files) {
      const text = readInputText(file, 'Terraform configuration');
      texts.set(file, text);
      const hcl = !file.endsWith('.json');
      const doc = hcl ? await parseHcl(file, text) : parseJsonText(text, file);
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new InputError(`${file}: is not Terraform JSON (expected an object)`);
      mergeInto(json, doc as Record<string, any>, file, fileOf);
    }
    // values Terraform itself would use win over defaults
    for (const file of varFiles) {
      const text = readInputText(file, 'Terraform variable values');
      const values = file.endsWith('.json') ? parseJsonText(text, file) : await parseHcl(file, text);
      if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new InputError(`${file}: is not a Terraform variable file (expected name = value pairs)`);
      for (const [name, value] of Object.entries(values)) {
        const declared = json.variable?.[name];
        const decl = (Array.isArray(declared) ? declared[0] : declared) ?? {};
        (json.variable ??= {})[name] = { ...decl, default: value };
      }
    }
    for (const [address, file] of fileOf) {
      const [type, ...rest] = address.split('.');
      const line = resourceLine(texts.get(file)!, type, rest.join('.'), !file.endsWith('.json'));
      if (line) lines.set(address, line);
    }
    const name = stat.isFile() ? basename(path) : relative(path, dir) || basename(path) || '.';
    const display = (f: string) => relative(process.cwd(), f) || f;
    stacks.push({ name, file: display(files[0]), json, lines, files: new Map([...fileOf].map(([a, f]) => [a, display(f)])) });
  }
  return stacks;
}
