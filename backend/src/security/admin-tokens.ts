/**
 * Admin tokens from the company identity provider (config `adminIdentity`): asymmetric JWTs
 * (RS256/ES256) checked against its JWKS, its issuer and our audience. The tenant scope comes
 * from a claim, `wagechat_tenant` (or `tid`); '*' there makes a platform admin. Locally minted
 * admin tokens (`wagechat token --role admin`) are verified by session-tokens.ts instead.
 */
import { jwtVerify } from 'jose';
import { createJwksCache, type JwksCacheOptions } from './remote-jwks';
import type { Principal } from './session-tokens';
import { TokenRefusedError, toTokenError } from './token-failure';

/** Where the company identity provider's keys are and what its tokens must say. */
export interface AdminIdentityOptions {
  jwksUrl: string;
  issuer: string | undefined;
  audience: string | undefined;
}

/** Verifies identity-provider admin tokens into admin principals. */
export interface AdminTokenVerifier {
  /** Throws a TokenRefusedError (401, or 503 when the JWKS cannot be fetched). */
  verify(token: string): Promise<Principal>;
}

const TENANT_PATTERN = /^(\*|[a-z0-9][a-z0-9-]{0,62})$/;
const SKEW_SECONDS = 30;

/** @example createAdminTokenVerifier({ jwksUrl, issuer, audience }).verify(bearer) */
export function createAdminTokenVerifier(
  options: AdminIdentityOptions & JwksCacheOptions & { now?: () => Date },
): AdminTokenVerifier {
  const keys = createJwksCache(options).get(options.jwksUrl);
  const now = options.now ?? (() => new Date());
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          // Never HS*: the provider's keys are public, and a shared secret is not ours to hold.
          algorithms: ['RS256', 'ES256'],
          ...(options.issuer ? { issuer: options.issuer } : {}),
          ...(options.audience ? { audience: options.audience } : {}),
          requiredClaims: ['exp', 'sub'],
          clockTolerance: SKEW_SECONDS,
          currentDate: now(),
        });
        const tenant = payload.wagechat_tenant ?? payload.tid;
        if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant) || !payload.sub) {
          throw new TokenRefusedError('claims_invalid', 'The token names no tenant.');
        }
        return { role: 'admin', tenantId: tenant, subject: payload.sub, origin: null };
      } catch (error) {
        throw toTokenError(error, 'The token is not valid.');
      }
    },
  };
}
