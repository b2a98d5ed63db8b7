/**
 * Expands what the user named (files, folders, globs) into a sorted list of files, and
 * reports what matched nothing, so a typo becomes a per-path error rather than silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

export interface ExpandedPaths {
  files: string[];
  /** Paths that are neither a file, a folder nor a glob matching anything. */
  missing: string[];
}

/** Folders are walked recursively (hidden entries skipped); a glob goes through fast-glob. */
export async function expandPaths(inputs: readonly string[], cwd = process.cwd()): Promise<ExpandedPaths> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.add(abs);
    } else if (stat?.isDirectory()) {
      for (const f of await fg('**/*', { cwd: abs, absolute: true, onlyFiles: true, dot: false }))
        files.add(path.normalize(f));
    } else if (fg.isDynamicPattern(input)) {
      const found = await fg(input, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(input);
      for (const f of found) files.add(path.normalize(f));
    } else {
      missing.push(input);
    }
  }
  return { files: [...files].sort(), missing };
}
