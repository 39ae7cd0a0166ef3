import { existsSync } from 'fs';
import { resolve } from 'path';
import { GoldenPathPlugin } from './contract';
import { orderPlugins, PluginError } from './registry';
import { InputError } from '../core/errors';

/**
 * Load plugins for a CLI command from modules: a path or a package name (resolved from the
 * current directory, so a distribution package works), exporting `plugins` (a list) or a
 * default list. Checked and ordered like registered ones; any problem is one InputError.
 */
export function loadPlugins(specs: readonly string[] = []): GoldenPathPlugin[] {
  const plugins: GoldenPathPlugin[] = [];
  for (const spec of specs) {
    let path: string;
    try {
      path = existsSync(resolve(spec)) ? resolve(spec) : require.resolve(spec, { paths: [process.cwd()] });
    } catch {
      throw new InputError(`--plugin ${spec}: no such file or package`);
    }
    let exported: any;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exported = require(path);
    } catch (err) {
      throw new InputError(`--plugin ${spec}: cannot be loaded (${(err as Error).message.split('\n')[0]})`);
    }
    const list = exported?.plugins ?? exported?.default;
    if (!Array.isArray(list) || list.some((p: any) => !p || typeof p.name !== 'string' || typeof p.version !== 'string')) {
      throw new InputError(`--plugin ${spec}: must export \`plugins\`, a list of plugins with a name and a version`);
    }
    plugins.push(...list);
  }
  try {
    const names = new Map<string, GoldenPathPlugin>();
    for (const p of plugins) {
      const twice = names.get(p.name);
      if (twice) throw new PluginError(`plugin ${p.name} is loaded twice: ${twice.name}@${twice.version} and ${p.name}@${p.version}`);
      names.set(p.name, p);
    }
    return orderPlugins(plugins);
  } catch (err) {
    if (err instanceof PluginError) throw new InputError(err.message);
    throw err;
  }
}
