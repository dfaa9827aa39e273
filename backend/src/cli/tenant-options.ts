/**
 * zod schemas for `wagechat tenant add|update` values. Each names what a good value looks
 * like, since the operator fixes it by hand.
 */
import { z } from 'zod';
import { isLocalOrigin } from '../http/tenant-origins';
import type { TenantAuth } from '../store/types';

const noControl = (value: string) => !/\p{Cc}/u.test(value);

/** The same shape the session route accepts. */
export const tenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
  message:
    'must be lower-case letters, digits and dashes (at most 63), starting with a letter or digit',
});

export const tenantName = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' })
  .refine(noControl, { message: 'must not contain control characters (CR, LF, tab...)' });

/** https, or http for localhost only; an origin exactly as browsers send it (no path). */
function isWebUrl(value: string, { originOnly }: { originOnly: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // Browsers send exact host names: a wildcard or other punctuation would never match.
  if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return false;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalOrigin(url.origin)))
    return false;
  return !originOnly || url.origin === value;
}

export const origin = z.string().refine((v) => isWebUrl(v, { originOnly: true }), {
  message:
    'must be an origin like https://portal.example.com (scheme, host and port only; http only for localhost)',
});

export const jwksUrl = z.string().refine((v) => isWebUrl(v, { originOnly: false }), {
  message: 'must be an https URL (http only for localhost)',
});

const claim = z
  .string()
  .trim()
  .min(1)
  .max(300, { message: 'must be at most 300 characters' })
  .refine(noControl, { message: 'must not contain control characters' });
export const issuer = claim;
export const audience = claim;

export const algorithms = z
  .string()
  .transform((v) => v.split(',').map((a) => a.trim().toUpperCase()))
  .pipe(
    z
      .array(z.enum(['HS256', 'ES256', 'RS256'], { message: 'must be HS256, ES256 or RS256' }))
      .min(1),
  )
  .transform((list) => [...new Set(list)]);

export const aiBudgetUsd = z.coerce
  .number({ message: 'must be a number of US dollars' })
  .min(0, { message: 'must be 0 or more' })
  .max(1_000_000, { message: 'must be at most 1000000' });

/** A portal token secret: long enough that guessing it is out of reach. */
export const hs256Secret = z
  .string()
  .min(32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 48`)' });

/** `key=value`; values are used as CSS, so no characters that could end a declaration. */
export const themeEntry = z
  .string()
  .regex(/^[a-zA-Z][\w-]{0,39}=[\w#%.,()\s-]{1,100}$/, {
    message: 'must look like accent=#2f5d50 (letters, digits, # % . , ( ) - and spaces in values)',
  })
  .refine((v) => !/url\s*\(|expression\s*\(/i.test(v), { message: 'must not load URLs' })
  .transform((v) => {
    const at = v.indexOf('=');
    return [v.slice(0, at), v.slice(at + 1).trim()] as const;
  });

/**
 * The algorithms a tenant's settings can verify, when none are given: HS256 with a secret,
 * ES256 and RS256 with a JWKS URL.
 */
export function defaultAlgorithms(auth: Pick<TenantAuth, 'hs256Secret' | 'jwksUrl'>) {
  const list: TenantAuth['algorithms'] = [];
  if (auth.hs256Secret) list.push('HS256');
  if (auth.jwksUrl) list.push('ES256', 'RS256');
  return list;
}

/** Why these settings cannot verify a token of each allowed algorithm, or null if they can. */
export function authProblem(auth: TenantAuth): string | null {
  if (auth.algorithms.includes('HS256') && !auth.hs256Secret)
    return 'HS256 needs a secret: pass --hs256-secret-env VAR.';
  if (auth.algorithms.some((a) => a !== 'HS256') && !auth.jwksUrl)
    return 'ES256 and RS256 need a key set: pass --jwks-url URL.';
  return null;
}
