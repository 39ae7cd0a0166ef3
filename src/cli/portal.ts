import { readCdktfOuts } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { checkOutputDir, writeFilesAtomic } from '../core/files';
import { buildPortal } from '../portal/site';

export interface PortalCliOptions {
  readonly out: string;
  readonly today?: string;
  readonly backstageUrl?: string;
  readonly template?: string;
  readonly platformPortal?: string;
}

/** Build the portal of cdktf.out directories into files (relative path → content). */
export async function runPortal(dirs: string | readonly string[], options: Omit<PortalCliOptions, 'out'>): Promise<Map<string, string>> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new InputError(`--today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (options.backstageUrl !== undefined && !/^https?:\/\/\S+$/.test(options.backstageUrl)) throw new InputError(`--backstage-url must be an http(s) URL, got ${JSON.stringify(options.backstageUrl)}`);
  if (options.platformPortal !== undefined && !/^https?:\/\/\S+$/.test(options.platformPortal)) throw new InputError(`--platform-portal must be an http(s) URL, got ${JSON.stringify(options.platformPortal)}`);
  const stacks = readCdktfOuts(typeof dirs === 'string' ? [dirs] : dirs);
  return buildPortal(stacks, { today, backstageUrl: options.backstageUrl, templateName: options.template, platformPortalUrl: options.platformPortal });
}

/** What `goldenpath portal` does once its flags are read. */
export async function portalAction(dirs: string[], options: PortalCliOptions): Promise<void> {
  checkOutputDir(options.out, '--out');
  const files = await runPortal(dirs, options);
  writeFilesAtomic(options.out, files);
  process.stdout.write(`portal: ${files.size} files in ${options.out} (open ${options.out}/index.html)\n`);
}
