/**
 * `wagechat tenant add|list|update`: the tenants table from the command line. Secrets come
 * from a named environment variable (never an argument, which shell history and `ps` keep)
 * and are never printed; every change (and every listing) is in the audit trail.
 */
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import type { AuditEvent, Store, Tenant, TenantPatch } from '../store/types';
import { CommandError, UsageError } from './cli-errors';
import * as opt from './tenant-options';
import { widgetPatchFrom } from './widget-config-options';

export interface TenantCommandDeps {
  store: Pick<Store, 'tenants' | 'audit' | 'widgetConfigs'>;
  /** Where `--hs256-secret-env VAR` is read from. */
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Who ran the command (the OS user), for the audit trail. */
  actor: string;
}

const OPTIONS = {
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'allow-localhost': { type: 'boolean' },
  'deny-localhost': { type: 'boolean' },
  'jwks-url': { type: 'string' },
  'hs256-secret-env': { type: 'string' },
  issuer: { type: 'string' },
  audience: { type: 'string' },
  algorithms: { type: 'string' },
  'ai-budget-usd': { type: 'string' },
  theme: { type: 'string', multiple: true },
  title: { type: 'string' },
  greeting: { type: 'string' },
  accent: { type: 'string' },
  'logo-url': { type: 'string' },
  position: { type: 'string' },
  suggestion: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** Parses one value with its schema, or throws a UsageError naming the flag. */
function check<S extends z.ZodType>(flag: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
}

/** `none` clears a setting on update. */
const orNone = <T>(value: string | undefined, parse: (v: string) => T): T | null | undefined =>
  value === undefined ? undefined : value === 'none' ? null : parse(value);

/** The changes the flags ask for, validated; absent flags are left out. */
function patchFrom(values: Values, env: TenantCommandDeps['env']): TenantPatch {
  const patch: TenantPatch = {};
  const auth: NonNullable<TenantPatch['auth']> = {};
  if (values.name !== undefined) patch.name = check('name', opt.tenantName, values.name);
  if (values.origin) {
    patch.allowedOrigins =
      values.origin.length === 1 && values.origin[0] === 'none'
        ? []
        : [...new Set(values.origin.map((o) => check('origin', opt.origin, o)))];
  }
  if (values['allow-localhost'] && values['deny-localhost'])
    throw new UsageError('Pass --allow-localhost or --deny-localhost, not both.');
  if (values['allow-localhost']) patch.allowLocalhost = true;
  if (values['deny-localhost']) patch.allowLocalhost = false;
  const secretVar = values['hs256-secret-env'];
  const secret = orNone(secretVar, (name) => {
    const value = env[name];
    if (value === undefined) throw new UsageError(`--hs256-secret-env: ${name} is not set.`);
    return check('hs256-secret-env', opt.hs256Secret, value);
  });
  if (secret !== undefined) auth.hs256Secret = secret;
  const jwks = orNone(values['jwks-url'], (v) => check('jwks-url', opt.jwksUrl, v));
  if (jwks !== undefined) auth.jwksUrl = jwks;
  const iss = orNone(values.issuer, (v) => check('issuer', opt.issuer, v));
  if (iss !== undefined) auth.issuer = iss;
  const aud = orNone(values.audience, (v) => check('audience', opt.audience, v));
  if (aud !== undefined) auth.audience = aud;
  if (values.algorithms !== undefined)
    auth.algorithms = check('algorithms', opt.algorithms, values.algorithms);
  const budget = orNone(values['ai-budget-usd'], (v) => check('ai-budget-usd', opt.aiBudgetUsd, v));
  if (budget !== undefined) patch.aiBudgetUsd = budget;
  if (values.theme)
    patch.theme = Object.fromEntries(values.theme.map((t) => check('theme', opt.themeEntry, t)));
  if (Object.keys(auth).length > 0) patch.auth = auth;
  return patch;
}

/** Fills in default algorithms and refuses settings that could verify no token. */
function settle(tenant: Tenant, patch: TenantPatch): TenantPatch {
  const auth = { ...tenant.auth, ...patch.auth };
  if (!patch.auth?.algorithms && auth.algorithms.length === 0)
    auth.algorithms = opt.defaultAlgorithms(auth);
  const problem = opt.authProblem(auth);
  if (problem) throw new UsageError(problem);
  return patch.auth || auth.algorithms.length > 0 ? { ...patch, auth } : patch;
}

/** The names of what changed, for the audit trail: never the values (a secret is one). */
function changedFields(patch: TenantPatch): string[] {
  const { auth, ...rest } = patch;
  return [...Object.keys(rest), ...Object.keys(auth ?? {}).map((k) => `auth.${k}`)].sort();
}

/** What `tenant list` shows: everything but the secret, which is only "set" or not. */
export function describeTenant(t: Tenant) {
  return {
    id: t.id,
    name: t.name,
    allowed_origins: t.allowedOrigins,
    allow_localhost: t.allowLocalhost,
    customer_tokens: {
      algorithms: t.auth.algorithms,
      hs256_secret: t.auth.hs256Secret ? 'set' : 'not set',
      jwks_url: t.auth.jwksUrl,
      issuer: t.auth.issuer,
      audience: t.auth.audience,
    },
    theme: t.theme,
    ai_budget_usd: t.aiBudgetUsd,
    created_at: t.createdAt,
  };
}

function formatTenant(t: Tenant): string {
  const d = describeTenant(t);
  const tokens = d.customer_tokens;
  return [
    `${d.id}  ${d.name}`,
    `  origins: ${d.allowed_origins.join(' ') || '(none)'}${d.allow_localhost ? ' + localhost' : ''}`,
    `  customer tokens: ${tokens.algorithms.join(',') || 'not set up'}; hs256 secret ${tokens.hs256_secret}` +
      `; jwks ${tokens.jwks_url ?? '-'}; issuer ${tokens.issuer ?? '-'}; audience ${tokens.audience ?? '-'}`,
    `  ai budget: ${d.ai_budget_usd === null ? 'default' : `$${d.ai_budget_usd}/month`}` +
      `; theme ${JSON.stringify(d.theme)}`,
  ].join('\n');
}

/**
 * Runs `tenant <add|list|update> ...`; resolves with the exit code.
 * @example await runTenantCommand(['add', 'acme', '--name', 'Acme', '--origin', 'https://portal.acme.example'], deps)
 */
export async function runTenantCommand(args: string[], deps: TenantCommandDeps): Promise<number> {
  const [action, ...rest] = args;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const audit = (action: string, resourceId: string | null, details: Record<string, unknown>) => {
    const event: AuditEvent = {
      tenantId: resourceId ?? '*',
      actorType: 'admin',
      actorId: `cli:${deps.actor}`,
      action,
      resourceType: 'tenant',
      resourceId,
      details: { via: 'cli', ...details },
      ip: null,
      userAgent: 'wagechat-cli',
    };
    return deps.store.audit.append(event);
  };

  if (action === 'list') {
    const tenants = await deps.store.tenants.list();
    await audit('tenant.list', null, { count: tenants.length });
    if (values.json) deps.out(JSON.stringify(tenants.map(describeTenant), null, 2));
    else
      deps.out(
        tenants.map(formatTenant).join('\n') ||
          'No tenants yet: add one with `wagechat tenant add`.',
      );
    return 0;
  }
  if (action !== 'add' && action !== 'update')
    throw new UsageError('tenant needs add, list or update.');
  if (positionals.length !== 1) throw new UsageError(`tenant ${action} takes one tenant id.`);
  const id = check('id', opt.tenantId, positionals[0]);
  const existing = await deps.store.tenants.get(id);
  const patch = patchFrom(values, deps.env);
  const widget = widgetPatchFrom(values);
  const widgetFields = Object.keys(widget).map((k) => `widget.${k}`);
  const saveWidget = async () => {
    if (widgetFields.length === 0) return;
    const config = await deps.store.widgetConfigs.update(id, widget);
    const { updatedAt: _at, ...shown } = config;
    deps.out(`  widget: ${JSON.stringify(shown)}`);
  };

  if (action === 'add') {
    if (existing) throw new CommandError(`Tenant "${id}" already exists; use \`tenant update\`.`);
    if (patch.name === undefined) throw new UsageError('tenant add needs --name.');
    const blank: Tenant = {
      id,
      name: patch.name,
      allowedOrigins: [],
      allowLocalhost: false,
      auth: { hs256Secret: null, jwksUrl: null, issuer: null, audience: null, algorithms: [] },
      theme: {},
      aiBudgetUsd: null,
      createdAt: '',
    };
    // Settled before anything is written: a refused setting leaves no half-made tenant.
    const { createdAt: _unused, ...input } = { ...blank, ...settle(blank, patch) };
    const created = await deps.store.tenants.upsert(input);
    await audit('tenant.create', id, { fields: [...changedFields(patch), ...widgetFields] });
    deps.out(formatTenant(created));
    await saveWidget();
    return 0;
  }
  if (!existing) throw new CommandError(`No tenant "${id}"; add it with \`tenant add\`.`);
  if (Object.keys(patch).length === 0 && widgetFields.length === 0)
    throw new UsageError('tenant update needs something to change.');
  const updated =
    Object.keys(patch).length > 0
      ? await deps.store.tenants.update(id, settle(existing, patch))
      : existing;
  await audit('tenant.update', id, { fields: [...changedFields(patch), ...widgetFields] });
  if (updated) deps.out(formatTenant(updated));
  await saveWidget();
  return 0;
}
