/**
 * Embed options: defaults < data-* attributes < init()/mount() options.
 * Validated by hand (no zod in the bundle); bad options throw at once with a message that
 * names the option, because a host developer sees it only in the console while wiring us up.
 */

/** Where the launcher sits on the host page. */
export type WagechatPosition = 'bottom-right' | 'bottom-left';

/** Options accepted by `mount()` and `Wagechat('init', …)`. Only `tenant` is required. */
export interface WagechatOptions {
  /** Tenant id issued by Wagechat, e.g. `"demo"`. */
  tenant: string;
  /** Base URL of the Wagechat server, e.g. `"https://chat.example.com"`. Defaults to the page origin. */
  api?: string;
  /** Title shown in the panel header. */
  title?: string;
  position?: WagechatPosition;
  /** Accent colour: `#rgb`, `#rrggbb`, `rgb(…)`, `hsl(…)` or a CSS colour name. */
  accent?: string;
  /** Open the panel right after mounting. */
  open?: boolean;
  /** First words in an empty conversation, e.g. `"Hi! Ask me about your pay."` */
  greeting?: string;
}

/**
 * Options after defaults are applied and every value is checked, plus what only the tenant's
 * config sets (logo, empty-state suggestions).
 */
export type ResolvedOptions = Required<WagechatOptions> & {
  logoUrl: string | null;
  suggestions: string[];
};

const positions: readonly WagechatPosition[] = ['bottom-right', 'bottom-left'];

/** Values that stand when nobody sets them; `api` comes from the caller's context. */
export function createDefaultOptions(api: string): Omit<Required<WagechatOptions>, 'tenant'> {
  return {
    api,
    title: 'Support',
    position: 'bottom-right',
    accent: '#0b6e4f',
    open: false,
    greeting: 'Hi! How can we help?',
  };
}

function fail(message: string): never {
  throw new TypeError(`Wagechat: ${message}`);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

const text = (max: number) =>
  [
    (value: unknown) => typeof value === 'string' && value !== '' && value.length <= max,
    `a non-empty string of at most ${max} characters`,
  ] as const;

/**
 * Each option's check (on the value with its spaces trimmed) and, for the message, what it must
 * be. The order is the one the "Known options" message lists.
 */
const rules: Record<keyof WagechatOptions, readonly [(value: unknown) => boolean, string]> = {
  tenant: [
    (v) => typeof v === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(v),
    '1-64 letters, digits, "-" or "_"',
  ],
  // Checked and normalised by `toApiBase`.
  api: [() => true, ''],
  title: text(60),
  position: [(v) => positions.includes(v as WagechatPosition), `one of ${positions.join(', ')}`],
  // Only shapes a colour can take, so nothing that could close a CSS declaration gets through.
  accent: [
    (v) =>
      typeof v === 'string' &&
      /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/+-]+\)|[a-z]{3,30})$/i.test(v),
    'a CSS colour like "#0b6e4f"',
  ],
  open: [(v) => typeof v === 'boolean', 'true or false'],
  greeting: text(300),
};

/** The API's base URL: absolute, http(s), with any path prefix (a server under /chat) kept. */
function toApiBase(value: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    // Below.
  }
  if (typeof value !== 'string' || !url) {
    fail(
      `"api" must be an absolute URL such as "https://chat.example.com", got ${describe(value)}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(`"api" must use http or https, got ${describe(value)}.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Merges option layers left to right (later wins, `undefined` never overrides) and validates.
 *
 * @example resolveOptions(createDefaultOptions(location.origin), readDataOptions(script), initOptions)
 */
export function resolveOptions(
  ...layers: ReadonlyArray<Partial<WagechatOptions> | undefined>
): Required<WagechatOptions> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (typeof layer !== 'object' || layer === null)
      fail(`options must be an object, got ${describe(layer)}.`);
    for (const [key, value] of Object.entries(layer)) {
      if (!Object.hasOwn(rules, key)) {
        fail(`unknown option "${key}". Known options: ${Object.keys(rules).join(', ')}.`);
      }
      if (value !== undefined) merged[key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  if (merged.tenant === undefined)
    fail('"tenant" is required (data-tenant on the script tag, or the tenant option).');
  for (const [name, [valid, requirement]] of Object.entries(rules)) {
    const value = merged[name];
    if (!valid(value)) fail(`"${name}" must be ${requirement}, got ${describe(value)}.`);
  }
  return { ...merged, api: toApiBase(merged.api) } as Required<WagechatOptions>;
}

/**
 * Reads the `data-*` attributes of the script tag that loaded us. `data-api` defaults to the
 * origin the script came from, so one tag works for any host page.
 */
export function readDataOptions(script: HTMLScriptElement): Partial<WagechatOptions> {
  const data = script.dataset;
  const fromSrc = script.src ? new URL(script.src, script.baseURI).origin : undefined;
  const open = data.open === undefined ? undefined : data.open !== 'false';
  return {
    tenant: data.tenant,
    api: data.api ?? fromSrc,
    title: data.title,
    position: data.position as WagechatPosition | undefined,
    accent: data.accent,
    open,
    greeting: data.greeting,
  };
}
