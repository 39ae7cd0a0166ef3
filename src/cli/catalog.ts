import { buildCatalog, CatalogModel } from '../catalog/model';
import { renderScorecards, scoreCatalog, Scorecard } from '../catalog/scorecards';
import { catalogFiles, catalogJson } from '../catalog/write';
import { readCdktfOuts } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { checkOutputDir, writeFilesAtomic } from '../core/files';

export interface CatalogOptions {
  readonly out?: string;
  readonly format: 'yaml' | 'json';
  readonly scorecards?: boolean;
  /** YYYY-MM-DD: the day suppressions are judged against. */
  readonly today?: string;
  /** Base URL of the published portal, for scorecard links. */
  readonly portalUrl?: string;
  /** One repository's part of the catalog: references it cannot resolve are left to the platform's. */
  readonly partial?: boolean;
}

export interface CatalogResult {
  readonly model: CatalogModel;
  readonly scorecards: Scorecard[];
  /** Relative path → content; the JSON document under `catalog.json`. */
  readonly files: Map<string, string>;
  /** One line per dangling reference or disagreement, naming the construct that made it. */
  readonly problems: string[];
}

/** Build the catalog of cdktf.out directories, score it, and render its files. Writes nothing. */
export function runCatalog(dirs: string | readonly string[], options: CatalogOptions): CatalogResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new InputError(`--today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const model = buildCatalog(readCdktfOuts(typeof dirs === 'string' ? [dirs] : dirs), { now: new Date(`${today}T00:00:00Z`) });
  if (options.portalUrl !== undefined && !/^https?:\/\/\S+$/.test(options.portalUrl)) throw new InputError(`--portal-url must be an http(s) URL, got ${JSON.stringify(options.portalUrl)}`);
  const scorecards = scoreCatalog(model, { today, portalUrl: options.portalUrl });
  const files = options.format === 'json' ? new Map([['catalog.json', catalogJson(model)]]) : catalogFiles(model);
  // a repository's part may point at what only the platform holds; nothing else is let through
  const problems = model.problems.filter((p) => !(options.partial && p.missing)).map((p) => {
    const made = p.sources.map((s) => `${s.path} (stack ${s.stack})`).join(', ') || 'no construct';
    return `${p.ref} ${p.field} ${p.message} — made by ${made}`;
  });
  return { model, scorecards, files, problems };
}

/** What `goldenpath catalog` does once its flags are read. */
export function catalogAction(dirs: string[], options: CatalogOptions): void {
  if (options.out) checkOutputDir(options.out, '--out');
  const result = runCatalog(dirs, options);
  if (result.problems.length) {
    process.stderr.write(`goldenpath catalog: ${result.problems.length} reference(s) do not resolve:\n${result.problems.map((p) => `  ${p}\n`).join('')}`);
    process.exitCode = 1;
    return;
  }
  if (options.out) writeFilesAtomic(options.out, result.files);
  else if (!options.scorecards) process.stdout.write(catalogJson(result.model));
  if (options.scorecards) process.stdout.write(renderScorecards(result.scorecards));
}
