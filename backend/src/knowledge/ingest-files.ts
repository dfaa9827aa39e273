/**
 * Ingesting PDFs from disk, shared by `wagechat ingest` and the first-run demo seed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { isAppError } from '../errors';
import type { KnowledgeBase } from './knowledge-base';

export interface IngestReport {
  log(line: string): void;
  error(line: string): void;
}

/** Expands folders to the PDFs in them (sorted); relative paths are taken from where the user ran pnpm. */
export async function pdfsIn(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths.map((p) => resolve(process.env.INIT_CWD ?? process.cwd(), p))) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => extname(n).toLowerCase() === '.pdf').sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** Ingests files one by one; a bad file is reported and the rest still go in. */
export async function ingestFiles(
  knowledge: KnowledgeBase,
  tenantId: string,
  files: string[],
  out: IngestReport = console,
) {
  let failed = 0;
  for (const file of files) {
    const started = performance.now();
    try {
      const r = await knowledge.ingest({
        tenantId,
        filename: basename(file),
        bytes: await readFile(file),
      });
      const replaced = r.replacedVersion ? `, replacing v${r.replacedVersion}` : '';
      const ms = Math.round(performance.now() - started);
      out.log(
        `ingested ${r.name} "${r.title}" as v${r.version}${replaced}: ${r.pageCount} pages, ${r.chunkCount} passages, ${ms} ms`,
      );
    } catch (error) {
      failed += 1;
      const reason = isAppError(error) ? `${error.code}: ${error.message}` : String(error);
      out.error(`failed ${basename(file)}: ${reason}`);
    }
  }
  return { ingested: files.length - failed, failed };
}
