/**
 * Expands what the user named (files, folders, globs) into a sorted list of files, and
 * reports every path that gives nothing to import with its reason (missing, an empty folder, a
 * named pipe …), so a typo becomes a per-path error rather than silence. Also names each file
 * for the store: its path relative to the root of what was named.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

/** A named path that gives nothing to import, and why. */
export interface PathProblem {
  input: string;
  code: 'NOT_FOUND' | 'NO_FILES' | 'NOT_A_FILE';
  error: string;
}

export interface ExpandedPaths {
  files: string[];
  problems: PathProblem[];
  /**
   * The common folder of what was named (a folder itself, a file's folder, a glob's static
   * part): a document's identity is its path relative to it (see `fileKey`).
   */
  root: string;
  /** The files named one by one (not found in a folder or by a glob): an unsupported type is an error for them. */
  named: Set<string>;
}

/** What a stat says a path is, for messages: "a named pipe", "a socket" … */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Regular files under `dir`, hidden entries skipped. Symlinks are followed to files and to
 * folders, but a folder is entered once by its real path, so `ln -s . loop` cannot loop.
 */
function walk(dir: string, out: Set<string>, seen: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: its files are not named, nothing to report per file
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    const stat = e.isSymbolicLink() ? fs.statSync(p, { throwIfNoEntry: false }) : e;
    if (!stat) continue; // a dangling link
    if (stat.isDirectory()) walk(p, out, seen);
    else if (stat.isFile()) out.add(p);
  }
}

/** The part of a glob before its first dynamic segment (`in/20*` → `in`). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (part !== '' && fg.isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** The deepest folder containing every one of `dirs`. */
function commonRoot(dirs: string[]): string {
  if (dirs.length === 0) return path.parse(process.cwd()).root;
  let root = dirs[0] as string;
  for (const d of dirs.slice(1)) {
    while (root !== path.dirname(root) && path.relative(root, d).startsWith('..')) root = path.dirname(root);
  }
  return root;
}

/** Folders are walked recursively (hidden entries skipped); a glob goes through fast-glob. */
export async function expandPaths(inputs: readonly string[], cwd = process.cwd()): Promise<ExpandedPaths> {
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  const roots: string[] = [];
  const named = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.add(abs);
      named.add(abs);
      roots.push(path.dirname(abs));
    } else if (stat?.isDirectory()) {
      const found = new Set<string>();
      walk(abs, found, new Set());
      if (found.size === 0) {
        problems.push({ input, code: 'NO_FILES', error: `${input}: the folder holds no files to import` });
      }
      for (const f of found) files.add(f);
      roots.push(abs);
    } else if (stat) {
      problems.push({
        input,
        code: 'NOT_A_FILE',
        error: `${input}: ${kindOf(stat)}, not a regular file or folder; name the article files instead`,
      });
    } else if (fg.isDynamicPattern(input)) {
      // Symlinked folders are not entered: a glob's ** would follow a loop forever.
      const found = await fg(input, {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
      });
      if (found.length === 0) {
        problems.push({
          input,
          code: 'NOT_FOUND',
          error: `${input}: no file matches this glob; check the pattern`,
        });
      }
      for (const f of found) files.add(path.normalize(f));
      roots.push(path.resolve(cwd, globBase(input)));
    } else {
      problems.push({
        input,
        code: 'NOT_FOUND',
        error: `${input}: no such file, folder or matching glob; check the path`,
      });
    }
  }
  return { files: [...files].sort(), problems, root: commonRoot(roots), named };
}

/** A file's identity in the store: its path under `root`, with `/` (`2021/article.txt`). */
export function fileKey(file: string, root: string): string {
  const rel = path.relative(root, file);
  return (rel === '' || rel.startsWith('..') ? path.basename(file) : rel).split(path.sep).join('/');
}
