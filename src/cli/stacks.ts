import { Command } from 'commander';
import { readCdktfOut, SynthesizedStack } from '../core/cdktf-out';

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

export function registerStacks(program: Command): void {
  program.command('stacks')
    .description('list the stacks of a cdktf.out by environment, as JSON for CI job matrices')
    .argument('[dir]', 'the cdktf.out directory', 'cdktf.out')
    .option('-e, --environments <names>', 'only these environments, comma-separated (each gets a list, even if empty)')
    .action((dir: string, options: { environments?: string }) => {
      const environments = options.environments?.split(',').map((e) => e.trim()).filter(Boolean);
      process.stdout.write(`${JSON.stringify(stackMatrix(readCdktfOut(dir), environments))}\n`);
    });
}
