import { mkdtempSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import { App, TerraformStack } from '../src/cdk';
import { generateProject, ProjectFiles } from '../src/scaffold/generate';
import { resolveValues, ScaffoldRequest } from '../src/scaffold/values';

/**
 * Runs a generated project's main.ts as its own repository would, with `goldenpath/*`
 * resolved to this tree: the stacks judged are the ones the scaffold's code makes.
 */
export function runGeneratedMain(files: ProjectFiles, app: App): TerraformStack[] {
  const entries: Record<string, string> = { 'goldenpath/platform': '../constructs/platform', 'goldenpath/service': '../constructs/service', 'goldenpath/baseline': '../constructs/baseline', 'goldenpath': '../src' };
  const requireFromHere = createRequire(__filename);
  const load = (file: string): Record<string, unknown> => {
    const source = files.get(file);
    if (source === undefined) throw new Error(`the project has no ${file}`);
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const module = { exports: {} as Record<string, unknown> };
    const localRequire = (id: string): unknown => id.startsWith('./') ? load(`${id.slice(2)}.ts`) : requireFromHere(entries[id] ?? id);
    new Function('require', 'module', 'exports', outputText)(localRequire, module, module.exports);
    return module.exports;
  };
  (load('main.ts').build as (a: App) => unknown)(app);
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

/** The cdktf.out a `goldenpath new service` repository synthesizes, in a fresh directory. */
export function serviceRepositoryOut(req: Omit<ScaffoldRequest, 'kind'>): string {
  const outdir = mkdtempSync(join(tmpdir(), `gp-${req.name}-`));
  const app = new App({ outdir });
  runGeneratedMain(generateProject(resolveValues({ kind: 'service', ...req }, '1.2.3')), app);
  app.synth();
  return outdir;
}
