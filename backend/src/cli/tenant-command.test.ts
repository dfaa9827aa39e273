import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import { UsageError } from './cli-errors';
import { runTenantCommand } from './tenant-command';

const SECRET = 'portal-signing-secret-0123456789abcdef';

function setup(env: Record<string, string> = {}) {
  const store = openSqliteStore({ path: ':memory:' });
  const lines: string[] = [];
  const run = (...args: string[]) =>
    runTenantCommand(args, { store, env, out: (l) => lines.push(l), actor: 'ops' });
  return { store, lines, run };
}

describe('wagechat tenant', () => {
  it('adds a tenant with origins, JWT settings and a budget, and audits who did it', async () => {
    const { store, lines, run } = setup({ ACME_SECRET: SECRET });
    const code = await run(
      'add',
      'acme',
      '--name',
      'Acme Pay',
      '--origin',
      'https://portal.acme.example',
      '--hs256-secret-env',
      'ACME_SECRET',
      '--issuer',
      'https://portal.acme.example',
      '--audience',
      'wagechat',
      '--ai-budget-usd',
      '25',
      '--theme',
      'accent=#2f5d50',
    );
    expect(code).toBe(0);
    expect(await store.tenants.get('acme')).toMatchObject({
      name: 'Acme Pay',
      allowedOrigins: ['https://portal.acme.example'],
      allowLocalhost: false,
      auth: { hs256Secret: SECRET, issuer: 'https://portal.acme.example', algorithms: ['HS256'] },
      theme: { accent: '#2f5d50' },
      aiBudgetUsd: 25,
    });
    const [record] = await store.audit.list('acme');
    expect(record).toMatchObject({
      actorType: 'admin',
      actorId: 'cli:ops',
      action: 'tenant.create',
      resourceId: 'acme',
    });
    expect(record?.details.fields).toContain('auth.hs256Secret');
    // The secret is neither printed nor audited.
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(record)).not.toContain(SECRET);
  });

  it('lists tenants without their secrets, as text and as JSON', async () => {
    const { lines, run } = setup({ S: SECRET });
    await run('add', 'acme', '--name', 'Acme', '--hs256-secret-env', 'S');
    lines.length = 0;
    expect(await run('list')).toBe(0);
    expect(await run('list', '--json')).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('acme');
    expect(out).toContain('hs256 secret set');
    expect(out).not.toContain(SECRET);
    expect(JSON.parse(lines[1] ?? '[]')[0].customer_tokens.hs256_secret).toBe('set');
  });

  it('updates only what is given; "none" clears; the change is audited', async () => {
    const { store, run } = setup();
    await run(
      'add',
      'acme',
      '--name',
      'Acme',
      '--origin',
      'https://a.example',
      '--ai-budget-usd',
      '5',
    );
    expect(
      await run(
        'update',
        'acme',
        '--jwks-url',
        'https://idp.acme.example/jwks',
        '--ai-budget-usd',
        'none',
      ),
    ).toBe(0);
    expect(await store.tenants.get('acme')).toMatchObject({
      name: 'Acme',
      allowedOrigins: ['https://a.example'],
      aiBudgetUsd: null,
      auth: { jwksUrl: 'https://idp.acme.example/jwks', algorithms: ['ES256', 'RS256'] },
    });
    const [latest] = await store.audit.list('acme');
    expect(latest).toMatchObject({
      action: 'tenant.update',
      details: { fields: ['aiBudgetUsd', 'auth.jwksUrl'] },
    });
  });

  it.each([
    [['add', 'Bad_Id', '--name', 'X'], /lower-case/],
    [['add', 'acme'], /needs --name/],
    [['add', 'acme', '--name', 'A\r\nSet-Cookie: x=1'], /control characters/],
    [
      ['add', 'acme', '--name', 'A', '--origin', 'https://portal.example/path'],
      /--origin must be an origin/,
    ],
    [
      ['add', 'acme', '--name', 'A', '--origin', 'http://portal.example'],
      /http only for localhost/,
    ],
    [['add', 'acme', '--name', 'A', '--origin', 'https://*.example'], /--origin/],
    [['add', 'acme', '--name', 'A', '--jwks-url', 'http://idp.example/jwks'], /--jwks-url/],
    [['add', 'acme', '--name', 'A', '--algorithms', 'none'], /HS256, ES256 or RS256/],
    [['add', 'acme', '--name', 'A', '--algorithms', 'HS256'], /HS256 needs a secret/],
    [['add', 'acme', '--name', 'A', '--hs256-secret-env', 'MISSING'], /MISSING is not set/],
    [['add', 'acme', '--name', 'A', '--hs256-secret-env', 'SHORT'], /at least 32/],
    [['add', 'acme', '--name', 'A', '--ai-budget-usd=-1'], /0 or more/],
    [['add', 'acme', '--name', 'A', '--theme', 'accent=red;background:url(x)'], /--theme/],
    [['add', 'acme', '--name', 'A', '--bogus'], /Unknown option/],
    [['delete', 'acme'], /add, list or update/],
  ])('refuses %j with a clear message (exit 64) and writes nothing', async (args, message) => {
    const { store, run } = setup({ SHORT: 'short' });
    const failure = await run(...args).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toMatch(message);
    expect(await store.tenants.list()).toEqual([]);
  });

  it('refuses to add a tenant twice or update one that does not exist', async () => {
    const { run } = setup();
    await run('add', 'acme', '--name', 'Acme');
    await expect(run('add', 'acme', '--name', 'Again')).rejects.toThrow(/already exists/);
    await expect(run('update', 'nobody', '--name', 'X')).rejects.toThrow(/No tenant "nobody"/);
  });
});
