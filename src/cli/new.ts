import { InputError } from '../core/errors';
import { readInputText } from '../core/files';
import { goldenPathVersion } from '../core/version';
import { loadPlugins } from '../plugins/load';
import { generateProject } from '../scaffold/generate';
import { installAndSynth } from '../scaffold/install';
import { resolveValues, ScaffoldKind, ScaffoldRequest, ServiceTemplate } from '../scaffold/values';
import { writeProject } from '../scaffold/write';

export interface NewOptions {
  readonly team?: string;
  readonly dir?: string;
  readonly template?: ServiceTemplate;
  readonly score?: string;
  readonly environments?: string;
  readonly org?: string;
  readonly region?: string;
  readonly teams?: string;
  readonly goldenpath?: string;
  readonly force?: boolean;
  readonly install?: boolean;
  readonly dryRun?: boolean;
  readonly plugin?: string[];
}

/**
 * Fill what is missing: in a terminal, ask (with @inquirer/prompts); anywhere else never wait
 * for input, and name the missing flag.
 */
async function ask(kind: ScaffoldKind, name: string | undefined, options: NewOptions): Promise<{ name: string; team?: string }> {
  const missing: Array<'name' | 'team'> = [];
  if (!name) missing.push('name');
  if (kind === 'service' && !options.team) missing.push('team');
  if (missing.length === 0) return { name: name!, team: options.team };
  const argName = kind === 'service' ? '<name>' : kind === 'platform' ? '<org>' : '<package>';
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new InputError(`goldenpath new ${kind} needs ${missing.map((m) => (m === 'name' ? argName : '--team <team>')).join(' and ')} (it asks only in a terminal)`);
  }
  const { input } = await import('@inquirer/prompts');
  return {
    name: name ?? await input({ message: `${argName.slice(1, -1)}:`, required: true }),
    team: options.team ?? (kind === 'service' ? await input({ message: 'team:', required: true }) : undefined),
  };
}

/** What `goldenpath new <kind>` does once its flags are read. */
export async function runNew(kind: ScaffoldKind, nameArg: string | undefined, options: NewOptions): Promise<void> {
  const { name, team } = await ask(kind, nameArg, options);
  let score: ScaffoldRequest['score'];
  if (options.score !== undefined) {
    score = { path: options.score, text: readInputText(options.score, 'a Score file (score.dev/v1b1)') };
  }
  const list = (v?: string) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));
  const values = resolveValues({
    kind,
    name,
    team,
    score,
    template: options.template,
    environments: list(options.environments),
    org: options.org,
    region: options.region,
    teams: list(options.teams),
    goldenpathSpec: options.goldenpath,
  }, goldenPathVersion());
  const files = generateProject(values);
  // plugins' templates add their files; a file the generator makes is never replaced
  for (const plugin of loadPlugins(options.plugin)) {
    for (const t of plugin.templates ?? []) {
      if (t.kind !== kind) continue;
      for (const [path, content] of Object.entries(t.files)) {
        if (files.has(path)) throw new InputError(`plugin ${plugin.name}@${plugin.version} template writes ${path}, which goldenpath new already writes`);
        files.set(path, content);
      }
    }
  }
  const dir = options.dir ?? (kind === 'distribution' || kind === 'plugin' ? values.packageName.split('/').pop()! : values.kind === 'platform' ? `${values.org}-platform` : values.name);
  if (options.dryRun) {
    process.stdout.write(`would write ${files.size} files to ${dir}:\n${[...files].map(([p, c]) => `  ${p} (${Buffer.byteLength(c)} bytes)\n`).join('')}`);
    return;
  }
  writeProject(dir, files, { force: options.force });
  process.stdout.write(`goldenpath new ${kind}: ${files.size} files in ${dir}\n`);
  if (options.install) {
    const steps = await installAndSynth(dir);
    const failed = steps.find((s) => !s.ok);
    if (failed) {
      process.stderr.write(`${failed.output.trim().split('\n').slice(-20).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
  }
  process.stdout.write(`next: cd ${dir}${options.install ? '' : ' && npm install'} && npm test && npx cdktf synth && npx goldenpath check cdktf.out\n`);
}
