/**
 * The `wagechat` command line: serve, ingest, token, tenant. Run from the repository root as
 * `pnpm wagechat <command> [args]`.
 */
// First, before anything loads LanceDB's native module.
import './native-log-level';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { auditVerifyCommand } from './cli/audit-verify';
import { CommandError, UsageError } from './cli/cli-errors';
import { KEYS_USAGE, openKeysStore, runKeysCommand } from './cli/keys-command';
import { retentionRunCommand } from './cli/retention-run';
import { runTenantCommand } from './cli/tenant-command';
import { ConfigError, loadConfig } from './config';
import { createDeps, DEMO_TENANT, REPO_ROOT, seedDemoTenant } from './deps';
import { seedDemoAccounts } from './integrations/accounts/demo-accounts';
import { ingestFiles, pdfsIn } from './knowledge/ingest-files';
import { startServer } from './main';
import { openSqliteStore } from './store/sqlite/open';

const USAGE = `Usage: wagechat <command> [options]

Commands:
  serve [--seed-demo]              Start the server on PORT (default 8787). With --seed-demo,
                                   create the "demo" tenant (any localhost origin; never in a
                                   deployment) and ingest the demo knowledge base first if it
                                   has no documents yet.
  ingest <file|dir>... [--tenant T] Ingest PDFs (a folder: every .pdf in it) into tenant T
                                   (default "demo"). A file with a name already ingested
                                   becomes that document's next version.
  token --role admin|customer [--subject S] [--tenant T] [--ttl-minutes N]
                                   Print a signed token (local use): admin for the admin API,
                                   customer to chat as a signed-in worker (e.g. demo-customer-1).
  tenant add <id> --name N [--origin URL]... [--allow-localhost] [--jwks-url U]
             [--hs256-secret-env VAR] [--issuer I] [--audience A] [--algorithms HS256,RS256]
             [--ai-budget-usd N] [--theme key=value]...
             [--title T] [--greeting G] [--accent #rrggbb] [--logo-url https://...]
             [--position bottom-right|bottom-left] [--suggestion S]...
                                   Add a tenant: the portal origins that may embed the widget,
                                   how the portal signs user tokens (the HS256 secret is read
                                   from the environment variable VAR), its monthly AI budget,
                                   the widget's theme (GET /api/v1/widget/config; up to 6
                                   suggestions).
  tenant update <id> [same options; --deny-localhost; "none" clears a value]
  tenant list [--json]             Show tenants (secrets only as "set").
${KEYS_USAGE}
  audit verify [--tenant T]        Check the audit chain; name every edited, inserted and
                                   deleted record. Exit 1 when anything is wrong.
  retention run                    Delete chat messages older than WAGECHAT_RETENTION_DAYS now
                                   (the server also does it at start and daily), audited.

Configuration comes from the environment: see .env.example.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig(process.env);
  if (command === 'serve') {
    const { values } = parseArgs({ args: rest, options: { 'seed-demo': { type: 'boolean' } } });
    const server = await startServer(config, async (deps) => {
      if (!values['seed-demo']) return;
      await seedDemoTenant(deps.store);
      // Sample payouts, cards and deposits for demo-customer-1..3, dated from today.
      if (!config.accountApi)
        await seedDemoAccounts(deps.store.demoAccounts, DEMO_TENANT.id, new Date());
      if ((await deps.knowledge.listDocuments(DEMO_TENANT.id)).length > 0) return;
      const files = await pdfsIn([join(REPO_ROOT, 'demo/kb/pdf')]);
      deps.logger.info({ files: files.length }, 'first run: ingesting the demo knowledge base');
      await ingestFiles(deps.knowledge, DEMO_TENANT.id, files, {
        log: (line: string) => deps.logger.info(line),
        error: (line: string) => deps.logger.error(line),
      });
    });
    console.log(`Wagechat is running at ${server.url} (demo portal at /, API at /api/v1)`);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void server.stop().then(() => process.exit(0)));
    }
    return -1;
  }
  if (command === 'ingest') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { tenant: { type: 'string', default: DEMO_TENANT.id } },
    });
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder.');
    const deps = await createDeps({
      ...config,
      logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    });
    try {
      if (!(await deps.store.tenants.get(values.tenant)))
        throw new UsageError(`No tenant "${values.tenant}".`);
      const { failed } = await ingestFiles(
        deps.knowledge,
        values.tenant,
        await pdfsIn(positionals),
      );
      return failed > 0 ? 1 : 0;
    } finally {
      await deps.close();
    }
  }
  if (command === 'token') {
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        subject: { type: 'string' },
        tenant: { type: 'string', default: DEMO_TENANT.id },
        'ttl-minutes': { type: 'string', default: '60' },
      },
    });
    if (values.role !== 'admin' && values.role !== 'customer')
      throw new UsageError('token supports --role admin or --role customer.');
    if (values.role === 'customer' && !values.subject)
      throw new UsageError('--role customer needs --subject (the user id, e.g. demo-customer-1).');
    const deps = await createDeps({ ...config, logLevel: 'warn' });
    try {
      const ttl = Number(values['ttl-minutes']);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 24 * 60)
        throw new UsageError('--ttl-minutes must be 1..1440.');
      const { token } =
        values.role === 'customer'
          ? await deps.tokens.issueCustomer(values.tenant, values.subject ?? '', ttl * 60)
          : await deps.tokens.issueAdmin(values.tenant, values.subject ?? 'cli-admin', ttl * 60);
      console.log(token);
      return 0;
    } finally {
      await deps.close();
    }
  }
  if (command === 'tenant') {
    const deps = await createDeps({ ...config, logLevel: 'warn' });
    try {
      return await runTenantCommand(rest, {
        store: deps.store,
        // The one place a command reads a variable config.ts does not list: the name is the
        // operator's choice, so the secret never appears in arguments or shell history.
        env: process.env,
        out: (line) => console.log(line),
        actor: userInfo().username,
      });
    } finally {
      await deps.close();
    }
  }
  if (command === 'keys') {
    return runKeysCommand(rest, {
      openStore: () => openKeysStore(config),
      out: (line) => console.log(line),
      actor: userInfo().username,
    });
  }
  if (command === 'audit' || command === 'retention') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { tenant: { type: 'string' } },
    });
    const expected = command === 'audit' ? 'verify' : 'run';
    if (positionals[0] !== expected || positionals.length > 1)
      throw new UsageError(`Use "wagechat ${command} ${expected}".`);
    // Neither reads message text, so no keyring is needed: only the audit and retention tables.
    const store = openSqliteStore({ path: join(config.dataDir, 'wagechat.db') });
    const out = { log: (l: string) => console.log(l), error: (l: string) => console.error(l) };
    try {
      return command === 'audit'
        ? await auditVerifyCommand(store.audit, values.tenant, out)
        : await retentionRunCommand(store, config.retentionDays, out);
    } finally {
      await store.close();
    }
  }
  throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ConfigError || error instanceof CommandError)
      console.error(error.message);
    else console.error(error);
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
