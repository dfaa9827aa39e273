/**
 * Public keys from a JWKS URL (a tenant's portal, the company identity provider), one jose
 * remote key set per URL: fetched on first use, kept for `cacheMaxAgeMs`, and fetched again
 * when a token names a `kid` we do not hold (a rotation), at most once per `cooldownMs`, so a
 * stream of made-up `kid`s cannot make us hammer the issuer.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

export interface JwksCacheOptions {
  /** Least time between two fetches forced by an unknown `kid` (jose's default: 30 s). */
  cooldownMs?: number;
  /** How long a fetched key set is trusted without asking again (10 min). */
  cacheMaxAgeMs?: number;
  /** Give up on a slow issuer after this long (5 s). */
  timeoutMs?: number;
}

/** A key resolver per JWKS URL, created once and reused by every verification. */
export interface JwksCache {
  get(url: string): JWTVerifyGetKey;
}

/** @example const keys = createJwksCache(); await jwtVerify(token, keys.get(tenant.auth.jwksUrl)) */
export function createJwksCache(options: JwksCacheOptions = {}): JwksCache {
  const sets = new Map<string, JWTVerifyGetKey>();
  return {
    get(url) {
      let set = sets.get(url);
      if (!set) {
        set = createRemoteJWKSet(new URL(url), {
          cooldownDuration: options.cooldownMs ?? 30_000,
          cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
          timeoutDuration: options.timeoutMs ?? 5_000,
        });
        sets.set(url, set);
      }
      return set;
    },
  };
}
