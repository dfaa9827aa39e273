/**
 * Customer tokens signed by a tenant's portal: who the signed-in worker is. Verified with jose
 * against the tenant's settings (`tenant.auth`): HS256 with the tenant's secret, or ES256/RS256
 * with the keys at the tenant's JWKS URL; only the tenant's allowed algorithms; issuer and
 * audience when configured; `exp` required; `exp`/`nbf` with 30 s of clock skew. The key is
 * chosen by the token's algorithm family, so an HS256 token can never be checked against a
 * public key (the HS/RS confusion attack) and `alg: none` is never in any allow-list.
 */
import { type JWTPayload, jwtVerify } from 'jose';
import { createJwksCache, type JwksCacheOptions } from './remote-jwks';
import { TokenRefusedError, toTokenError } from './token-failure';

/** A tenant's portal-token settings (the shape of `Tenant['auth']`). */
export interface CustomerAuthSettings {
  hs256Secret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  algorithms: Array<'HS256' | 'ES256' | 'RS256'>;
}

/** The verified customer: `subject` from `sub`; `email`/`name` when the portal sent them. */
export interface CustomerIdentity {
  subject: string;
  email: string | null;
  name: string | null;
}

export interface CustomerTokenVerifierOptions extends JwksCacheOptions {
  now?: () => Date;
}

/** Verifies portal tokens; one instance per app, so JWKS are cached across requests. */
export interface CustomerTokenVerifier {
  /** Throws {@link TokenRefusedError} (401, or 503 when the JWKS cannot be fetched). */
  verify(
    tenantId: string,
    settings: CustomerAuthSettings | null | undefined,
    token: string,
  ): Promise<CustomerIdentity>;
}

/** Allowed clock difference between the portal and us, for `exp` and `nbf`. */
export const CUSTOMER_TOKEN_SKEW_SECONDS = 30;

const SUPPORTED = new Set(['HS256', 'ES256', 'RS256']);
const MAX_SUBJECT = 256;

const refuse = (reason: 'not_configured' | 'claims_invalid') =>
  new TokenRefusedError(reason, 'The sign-in token is not valid for this site.');

/** @example const identity = await createCustomerTokenVerifier().verify(tenant.id, tenant.auth, token) */
export function createCustomerTokenVerifier(
  options: CustomerTokenVerifierOptions = {},
): CustomerTokenVerifier {
  const jwks = createJwksCache(options);
  const now = options.now ?? (() => new Date());

  return {
    async verify(_tenantId, settings, token) {
      try {
        const algorithms = (settings?.algorithms ?? []).filter((a) => SUPPORTED.has(a));
        const secret = settings?.hs256Secret ?? null;
        const jwksUrl = settings?.jwksUrl ?? null;
        // Offer only the algorithms this tenant has a key for.
        const usable = algorithms.filter((a) => (a === 'HS256' ? secret : jwksUrl));
        if (!settings || usable.length === 0) throw refuse('not_configured');
        const { payload } = await jwtVerify(
          token,
          async (header, input) => {
            // jose has already refused any `alg` outside `usable`; pick the key by its family.
            if (header.alg === 'HS256') return new TextEncoder().encode(secret ?? '');
            return jwks.get(jwksUrl ?? '')(header, input);
          },
          {
            algorithms: usable,
            ...(settings.issuer ? { issuer: settings.issuer } : {}),
            ...(settings.audience ? { audience: settings.audience } : {}),
            requiredClaims: ['exp', 'sub'],
            clockTolerance: CUSTOMER_TOKEN_SKEW_SECONDS,
            currentDate: now(),
          },
        );
        return toIdentity(payload);
      } catch (error) {
        throw toTokenError(error, 'The sign-in token is not valid for this site.');
      }
    },
  };
}

function optionalText(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
}

function toIdentity(payload: JWTPayload): CustomerIdentity {
  const subject = payload.sub ?? '';
  // Visitor ids live in the same subject space (conversations are owned by subject): a portal
  // user may never be named like one, or they could open a visitor's thread.
  if (subject.length === 0 || subject.length > MAX_SUBJECT || subject.startsWith('visitor_')) {
    throw refuse('claims_invalid');
  }
  return {
    subject,
    email: optionalText(payload.email, 320),
    name: optionalText(payload.name, 200),
  };
}
