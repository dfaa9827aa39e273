/**
 * The product as a process: `wagechat serve` on a real port, `wagechat token` minting an
 * admin token against the same data folder, a PDF uploaded over HTTP and answered from, and
 * SIGTERM draining in-flight work before a clean exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './deps';
import { createTestPdf } from './knowledge/pdf/test-pdfs';

const CLI = join(REPO_ROOT, 'backend/src/cli.ts');

function wagechat(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with everything the process printed, once it exits. */
function finished(child: ChildProcess) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Starts `serve` and resolves with its URL from the start-up line. */
async function serve(env: Record<string, string>) {
  const child = wagechat(['serve'], { PORT: '0', HOST: '127.0.0.1', ...env });
  const exit = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /running at (http:\/\/\S+?) /.exec(seen);
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    void exit.then(({ out }) => reject(new Error(`serve exited early:\n${out}`)));
  });
  return { child, url, exit };
}

let dataDir: string;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wagechat-server-'));
  // Without --seed-demo the server creates no tenant: the operator adds one.
  const added = await finished(
    wagechat(['tenant', 'add', 'demo', '--name', 'Demo', '--allow-localhost'], {
      WAGECHAT_DATA_DIR: dataDir,
    }),
  );
  expect(added.code).toBe(0);
  server = await serve({ WAGECHAT_DATA_DIR: dataDir });
});
afterAll(() => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
});

describe('wagechat serve', () => {
  it('takes an admin upload with a CLI-minted token and answers from it with a citation', async () => {
    const minted = await finished(
      wagechat(['token', '--role', 'admin'], { WAGECHAT_DATA_DIR: dataDir }),
    );
    expect(minted.code).toBe(0);
    const admin = { authorization: `Bearer ${minted.out.trim()}` };

    const form = new FormData();
    const pdf = await createTestPdf({
      title: 'Pay card guide',
      pages: [
        [
          { h1: 'Replacement cards' },
          { p: 'A replacement pay card arrives within 7 business days of your request.' },
        ],
      ],
    });
    form.set(
      'file',
      new File([new Uint8Array(pdf)], 'pay-card-guide.pdf', { type: 'application/pdf' }),
    );
    const upload = await fetch(`${server.url}/api/v1/admin/documents`, {
      method: 'POST',
      headers: admin,
      body: form,
    });
    expect(upload.status).toBe(201);
    const list = (await (
      await fetch(`${server.url}/api/v1/admin/documents`, { headers: admin })
    ).json()) as {
      documents: Array<{ name: string; status: string }>;
    };
    expect(list.documents).toMatchObject([{ name: 'pay-card-guide.pdf', status: 'ready' }]);

    const session = await fetch(`${server.url}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: '{"tenant":"demo"}',
    });
    const { token } = (await session.json()) as { token: string };
    const chat = await fetch(`${server.url}/api/v1/chat/message`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
      },
      body: JSON.stringify({ message: 'How long does a replacement pay card take to arrive?' }),
    });
    expect(chat.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const answer = (await chat.json()) as {
      answer: string;
      citations: Array<{ title: string; page: number }>;
    };
    expect(answer.answer).toContain('7 business days');
    expect(answer.citations[0]).toMatchObject({ page: 1 });
  });

  it('serves the widget script and the demo portal', async () => {
    const portal = await fetch(`${server.url}/`);
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('src="/widget/wagechat.js"');
    const widget = await fetch(`${server.url}/widget/wagechat.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    for (const res of [portal, widget]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses bad tenant settings with exit code 64 and lists tenants without secrets', async () => {
    const bad = await finished(
      wagechat(['tenant', 'add', 'acme', '--name', 'Acme', '--origin', 'https://x.example/path'], {
        WAGECHAT_DATA_DIR: dataDir,
      }),
    );
    expect(bad.code).toBe(64);
    expect(bad.out).toContain('--origin must be an origin');
    const listed = await finished(wagechat(['tenant', 'list'], { WAGECHAT_DATA_DIR: dataDir }));
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('demo  Demo');
    expect(listed.out).not.toContain('acme');
  });

  it('drains on SIGTERM: in-flight requests finish, then the process exits 0', async () => {
    const session = await fetch(`${server.url}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"tenant":"demo"}',
    });
    const { token } = (await session.json()) as { token: string };
    const turn = await fetch(`${server.url}/api/v1/chat/message`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ message: 'When do tip payouts arrive?' }),
    });
    // The turn is surely in flight once its stream has begun: only then ask the server to stop.
    const reader = turn.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = (await reader.read()).value ?? '';
    server.child.kill('SIGTERM');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += chunk.value;
    expect(turn.status).toBe(200);
    expect(text).toContain('event: meta');
    expect(text).toContain('event: done');
    const { code } = await server.exit;
    expect(code).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
