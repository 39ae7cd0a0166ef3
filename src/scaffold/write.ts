import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { ProjectFiles } from './generate';
import { InputError } from '../core/errors';

/** What is in a directory that would be overwritten (a `.git` folder alone does not count). */
function occupants(dir: string): string[] {
  return readdirSync(dir).filter((f) => f !== '.git').sort();
}

/**
 * Write a generated project to `target` so that a failure leaves nothing half-written: the
 * files go to a staging folder beside the target (same filesystem, so the last step is a
 * rename, never a copy across devices), which then becomes the target. A target that is not
 * empty is refused unless `force`; then the staged files are moved in one by one, replacing
 * files of the same name and leaving the others. The staging folder is removed either way.
 */
export function writeProject(target: string, files: ProjectFiles, options: { force?: boolean } = {}): void {
  const dest = resolve(target);
  if (existsSync(dest)) {
    if (!statSync(dest).isDirectory()) throw new InputError(`${target} exists and is not a directory`);
    const there = occupants(dest);
    if (there.length && !options.force) {
      throw new InputError(`${target} is not empty (${there.slice(0, 3).join(', ')}${there.length > 3 ? ', ...' : ''}); choose another --dir, or --force to write into it`);
    }
  }
  mkdirSync(dirname(dest), { recursive: true });
  const staging = join(dirname(dest), `.${basename(dest)}.goldenpath-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      const path = join(staging, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (!existsSync(dest)) {
      renameSync(staging, dest);
      return;
    }
    for (const rel of files.keys()) {
      const path = join(dest, rel);
      mkdirSync(dirname(path), { recursive: true });
      renameSync(join(staging, rel), path);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
