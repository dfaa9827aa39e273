import { createDefaultOptions, resolveOptions, type WagechatOptions } from '../options';

/** The tenant's look, read from `GET /api/v1/widget/config`; tag and mount() options win over it. */
export interface TenantTheme {
  options: Partial<WagechatOptions>;
  logoUrl: string | null;
  suggestions: string[];
}

const themed = ['title', 'greeting', 'accent', 'position'] as const;

/**
 * Keeps only the values that pass the same checks as embed options, one by one: a bad value
 * from the server (say an accent that is not a colour) falls back to the default alone.
 */
export function readTenantTheme(body: unknown, tenant: string): TenantTheme {
  const config = (typeof body === 'object' && body) || {};
  const options: Partial<WagechatOptions> = {};
  for (const key of themed) {
    const value = (config as Record<string, unknown>)[key];
    try {
      resolveOptions(createDefaultOptions('https://chat.invalid'), { tenant, [key]: value });
      Object.assign(options, { [key]: value });
    } catch {
      // Missing or invalid: the default stands.
    }
  }
  const { logo_url: logo, suggestions } = config as { logo_url?: unknown; suggestions?: unknown };
  return {
    options,
    logoUrl: typeof logo === 'string' && /^https?:\/\//.test(logo) ? logo : null,
    suggestions: Array.isArray(suggestions)
      ? suggestions
          .filter((s): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= 120)
          .slice(0, 6)
      : [],
  };
}

/**
 * Fetches the tenant's theme once per mount. No cookies (`credentials: 'omit'`); the server's
 * `Cache-Control: max-age=300` and ETag let the browser's HTTP cache serve repeat page views.
 * Never rejects: a failure, or no answer within `timeoutMs`, means the defaults.
 */
export function loadTenantTheme(
  api: string,
  tenant: string,
  doFetch: typeof fetch,
  timeoutMs = 3000,
): Promise<TenantTheme> {
  const fallback = readTenantTheme(null, tenant);
  const request = doFetch(`${api}/api/v1/widget/config?tenant=${encodeURIComponent(tenant)}`, {
    headers: { Accept: 'application/json', 'Wagechat-Protocol': '2' },
    credentials: 'omit',
  })
    .then((response) => (response.ok ? response.json() : null))
    .then(
      (body) => readTenantTheme(body, tenant),
      () => fallback,
    );
  return Promise.race([
    request,
    new Promise<TenantTheme>((resolve) => setTimeout(resolve, timeoutMs, fallback)),
  ]);
}
