import { readCdktfOut } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { checkOutputDir, writeFilesAtomic } from '../core/files';
import { buildPortal } from '../portal/site';

export interface PortalCliOptions {
  readonly out: string;
  readonly today?: string;
  readonly backstageUrl?: string;
  readonly template?: string;
}

/** Build the portal of a cdktf.out directory into files (relative path → content). */
export async function runPortal(dir: string, options: Omit<PortalCliOptions, 'out'>): Promise<Map<string, string>> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new InputError(`--today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (options.backstageUrl !== undefined && !/^https?:\/\/\S+$/.test(options.backstageUrl)) throw new InputError(`--backstage-url must be an http(s) URL, got ${JSON.stringify(options.backstageUrl)}`);
  return buildPortal(readCdktfOut(dir), { today, backstageUrl: options.backstageUrl, templateName: options.template });
}

/** What `goldenpath portal` does once its flags are read. */
export async function portalAction(dir: string, options: PortalCliOptions): Promise<void> {
  checkOutputDir(options.out, '--out');
  const files = await runPortal(dir, options);
  writeFilesAtomic(options.out, files);
  process.stdout.write(`portal: ${files.size} files in ${options.out} (open ${options.out}/index.html)\n`);
}
