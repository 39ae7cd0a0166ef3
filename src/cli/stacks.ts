import { readCdktfOut, SynthesizedStack } from '../core/cdktf-out';
import { InputError } from '../core/errors';

export interface StacksOptions {
  readonly environments?: string;
  readonly waves?: boolean;
}

export interface StackEntry {
  readonly name: string;
  readonly environment: string;
}

/**
 * The stacks of a cdktf.out with their environment (from the `"//"` metadata), as the
 * delivery workflow's job matrices: `all`, and one list per environment.
 */
export function stackMatrix(stacks: readonly SynthesizedStack[], environments?: readonly string[]): Record<string, StackEntry[]> {
  const matrix: Record<string, StackEntry[]> = { all: [] };
  for (const env of environments ?? []) matrix[env] = [];
  for (const s of stacks) {
    const environment = String(s.json?.['//']?.goldenpath?.environment ?? 'default');
    if (environments && !environments.includes(environment)) continue;
    const entry = { name: s.name, environment };
    matrix.all.push(entry);
    (matrix[environment] ??= []).push(entry);
  }
  return matrix;
}

/**
 * Per environment, its stacks in apply order: waves, each of stacks whose dependencies
 * (manifest.json) are all in earlier waves or outside the environment. Stacks of a wave can
 * be applied in parallel; a dependency cycle is bad input.
 */
export function stackWaves(stacks: readonly SynthesizedStack[], environments?: readonly string[]): Record<string, string[][]> {
  const envOf = (s: SynthesizedStack) => String(s.json?.['//']?.goldenpath?.environment ?? 'default');
  const out: Record<string, string[][]> = {};
  for (const env of environments ?? []) out[env] = [];
  const names = [...new Set(stacks.map(envOf))].filter((e) => !environments || environments.includes(e)).sort();
  for (const env of names) {
    const mine = stacks.filter((s) => envOf(s) === env);
    const inEnv = new Set(mine.map((s) => s.name));
    const placed = new Set<string>();
    const waves: string[][] = [];
    while (placed.size < mine.length) {
      const wave = mine.filter((s) => !placed.has(s.name) && s.dependencies.every((d) => !inEnv.has(d) || placed.has(d))).map((s) => s.name).sort();
      if (!wave.length) throw new InputError(`stacks of ${env} depend on each other in a cycle: ${mine.filter((s) => !placed.has(s.name)).map((s) => s.name).join(', ')}`);
      wave.forEach((n) => placed.add(n));
      waves.push(wave);
    }
    out[env] = waves;
  }
  return out;
}

/** What `goldenpath stacks` does once its flags are read. */
export function stacksAction(dir: string, options: StacksOptions): void {
  const environments = options.environments?.split(',').map((e) => e.trim()).filter(Boolean);
  const stacks = readCdktfOut(dir);
  process.stdout.write(`${JSON.stringify(options.waves ? stackWaves(stacks, environments) : stackMatrix(stacks, environments))}\n`);
}
