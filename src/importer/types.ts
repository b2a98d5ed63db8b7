/** The importer's results: one per file, and the report of a run. Public. */
import type { DocumentFormat } from '../text';

export interface EntityCounts {
  places: number;
  organizations: number;
  programs: number;
  people: number;
  metrics: number;
  relations: number;
}

/**
 * What became of one file or URL; `ms` is the wall time spent on it. `skipped`: a file found in
 * a folder or by a glob that is not an article format (.json, .csv, images, archives …).
 */
export type FileResult =
  | {
      file: string;
      status: 'imported';
      docId: string;
      title: string;
      format: DocumentFormat;
      counts: EntityCounts;
      replaced: string[];
      ms: number;
    }
  | { file: string; status: 'unchanged'; docId: string; ms: number }
  | { file: string; status: 'failed'; code: string; error: string; ms: number }
  | { file: string; status: 'skipped'; reason: string; ms: number };

export interface ImportReport {
  store: string;
  startedAt: string;
  finishedAt: string;
  totals: { files: number; imported: number; unchanged: number; failed: number; skipped: number };
  files: FileResult[];
}

/** Receives progress as files finish. */
export interface ProgressSink {
  start(total: number): void;
  fileDone(result: FileResult, done: number): void;
  stop(): void;
}
