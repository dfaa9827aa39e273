/**
 * A real crash: `wagechat ingest` is killed with SIGKILL in the middle of ingesting a new
 * version. The previous version must keep serving, and the next start must complete the
 * interrupted one from the stored original.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../deps';
import { openSqliteStore } from '../store/sqlite/open';
import { createHashingEmbedder } from './embedding/hashing-embedder';
import { createKnowledgeBase } from './knowledge-base';
import { createTestPdf } from './pdf/test-pdfs';

const handbook = (fee: string, pages: number) =>
  createTestPdf({
    title: 'Handbook',
    pages: Array.from({ length: pages }, (_, i) => [
      { h2: `Section ${i + 1}` },
      { p: `Each instant pay transfer costs ${fee}. `.repeat(3) },
      {
        p: 'Tip payouts arrive the next morning when tips are approved before the cut-off. '.repeat(
          12,
        ),
      },
    ]),
  });

function cli(dataDir: string, ...args: string[]) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'backend/src/cli.ts'), ...args],
    {
      env: { ...process.env, WAGECHAT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', INIT_CWD: dataDir },
      stdio: 'ignore',
    },
  );
}

const cliIngest = (dataDir: string, file: string) => cli(dataDir, 'ingest', file);

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

it('keeps the previous version serving after a kill -9 mid-ingest, and completes it on restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'wagechat-crash-'));
  const v1 = join(dataDir, 'v1', 'handbook.pdf');
  const v2 = join(dataDir, 'v2', 'handbook.pdf');
  await Promise.all([mkdir(join(dataDir, 'v1')), mkdir(join(dataDir, 'v2'))]);
  await writeFile(v1, await handbook('$2.99', 2));
  await writeFile(v2, await handbook('$3.49', 150));
  // The demo tenant exists only when asked for (serve --seed-demo); here the CLI makes it.
  expect(await exited(cli(dataDir, 'tenant', 'add', 'demo', '--name', 'Demo'))).toBe(0);
  expect(await exited(cliIngest(dataDir, v1))).toBe(0);

  const child = cliIngest(dataDir, v2);
  const dbPath = join(dataDir, 'wagechat.db');
  // Kill as soon as the new version is recorded as processing: it is then mid-ingest.
  const deadline = Date.now() + 60_000;
  let seen = false;
  while (!seen && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    seen = Boolean(
      db
        .prepare("SELECT 1 FROM document_versions WHERE version = 2 AND status = 'processing'")
        .get(),
    );
    db.close();
  }
  expect(seen).toBe(true);
  child.kill('SIGKILL');
  expect(await exited(child)).toBeNull();

  const store = openSqliteStore({ path: dbPath });
  const open = () =>
    createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder(),
      logger: pino({ level: 'silent' }),
    });
  const kb = await open();
  const before = await kb.search({
    tenantId: 'demo',
    text: 'instant pay transfer costs',
    limit: 10,
  });
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((h) => h.documentVersion === 1)).toBe(true);
  expect(before.map((h) => h.text).join(' ')).toContain('$2.99');

  await kb.recover();
  const after = await kb.search({
    tenantId: 'demo',
    text: 'instant pay transfer costs',
    limit: 10,
  });
  expect(after.every((h) => h.documentVersion === 2)).toBe(true);
  expect(after.map((h) => h.text).join(' ')).toContain('$3.49');
  const [doc] = await kb.listDocuments('demo');
  expect(doc).toMatchObject({ liveVersion: 2, latest: { status: 'ready', pageCount: 150 } });
  await kb.close();
  await store.close();
});
