/**
 * Short-lived signed tokens of our own: visitor and customer sessions for the widget, and admin
 * tokens for local use. HS256 with the server's session secret, through jose. A customer session
 * is minted only after the tenant's portal token verified (security/customer-tokens.ts); admin
 * tokens from the company identity provider verify here too when `adminIdentity` is configured.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors';
import { type AdminIdentityOptions, createAdminTokenVerifier } from './admin-tokens';

/** `system` is never in a token: signed webhooks and service calls (http/middleware/webhook-auth.ts). */
export type Role = 'visitor' | 'customer' | 'admin' | 'system';

/** Who is calling, as proven by a verified token. Tools trust only this, never message text. */
export interface Principal {
  role: Role;
  tenantId: string;
  /** Visitor session id, customer user id, admin subject, or the calling system's name. */
  subject: string;
  /** The portal origin a widget session (visitor or customer) was issued to, if a browser sent one. */
  origin: string | null;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenServiceOptions {
  secret: string;
  visitorTtlSeconds: number;
  /** The company identity provider; its admin JWTs are accepted alongside our own tokens. */
  adminIdentity?: AdminIdentityOptions | null;
  now?: () => Date;
}

export interface TokenService {
  issueVisitor(tenantId: string, origin: string | null): Promise<IssuedToken>;
  /**
   * A fresh token for the same visitor, so a renewed session keeps its conversations.
   * Accepts a token of ours that expired less than `RENEWAL_GRACE_SECONDS` ago; the origin
   * must be the one the old token was issued to.
   */
  renewVisitor(
    previous: string,
    origin: string | null,
  ): Promise<IssuedToken & { principal: Principal }>;
  /**
   * A widget session for a customer whose portal token verified: like a visitor's, bound to the
   * page's origin and as short-lived, but not renewable (renewing needs a fresh portal token).
   */
  issueCustomerSession(
    tenantId: string,
    subject: string,
    origin: string | null,
  ): Promise<IssuedToken>;
  /** `tenantId` '*' makes a platform admin (every tenant). */
  issueAdmin(tenantId: string, subject: string, ttlSeconds: number): Promise<IssuedToken>;
  /**
   * A customer session: minted by `POST /auth/session` once the portal's token verified (bound to
   * the page's origin), or by `wagechat token --role customer` for local use (no origin).
   */
  issueCustomer(
    tenantId: string,
    subject: string,
    ttlSeconds: number,
    origin?: string | null,
  ): Promise<IssuedToken>;
  /**
   * Throws AppError('unauthorized') for anything not a valid, unexpired token of ours or, when
   * configured, an admin token of the company identity provider.
   */
  verify(token: string): Promise<Principal>;
}

/** How long after expiry a visitor may still renew into the same identity (one day). */
export const RENEWAL_GRACE_SECONDS = 24 * 60 * 60;

const ISSUER = 'wagechat';
const AUDIENCE = 'wagechat-api';
// The roles a token of ours may carry; `system` principals come from signatures, not tokens.
const TOKEN_ROLES: readonly Role[] = ['visitor', 'customer', 'admin'];

/** Issues and verifies our session tokens (see the file comment). */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? (() => new Date());
  const admins = options.adminIdentity
    ? createAdminTokenVerifier({ ...options.adminIdentity, now })
    : null;

  async function sign(
    claims: { tid: string; role: Role; org: string | null },
    subject: string,
    ttl: number,
  ) {
    const issuedAt = Math.floor(now().getTime() / 1000);
    const expiresAt = issuedAt + ttl;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  return {
    issueVisitor(tenantId, origin) {
      return sign(
        { tid: tenantId, role: 'visitor', org: origin },
        `visitor_${randomUUID()}`,
        options.visitorTtlSeconds,
      );
    },
    issueAdmin(tenantId, subject, ttlSeconds) {
      return sign({ tid: tenantId, role: 'admin', org: null }, subject, ttlSeconds);
    },
    issueCustomerSession(tenantId, subject, origin) {
      return sign(
        { tid: tenantId, role: 'customer', org: origin },
        subject,
        options.visitorTtlSeconds,
      );
    },
    issueCustomer(tenantId, subject, ttlSeconds, origin = null) {
      return sign({ tid: tenantId, role: 'customer', org: origin }, subject, ttlSeconds);
    },
    async renewVisitor(previous, origin) {
      const principal = await verifyToken(previous, RENEWAL_GRACE_SECONDS);
      if (principal.role !== 'visitor' || principal.origin !== origin) {
        throw new AppError(
          'unauthorized',
          'Only a visitor session from this site can be renewed.',
          {
            details: { reason: 'token_invalid' },
          },
        );
      }
      const issued = await sign(
        { tid: principal.tenantId, role: 'visitor', org: origin },
        principal.subject,
        options.visitorTtlSeconds,
      );
      return { ...issued, principal };
    },
    verify(token) {
      // Routing only: the issuer claim picks the key; the chosen verifier checks everything.
      if (admins && issuerOf(token) !== ISSUER) return admins.verify(token);
      return verifyToken(token, 0);
    },
  };

  async function verifyToken(token: string, toleranceSeconds: number): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now(),
        clockTolerance: toleranceSeconds,
      });
      const role = payload.role as Role;
      if (typeof payload.tid !== 'string' || !TOKEN_ROLES.includes(role) || !payload.sub) {
        throw new AppError('unauthorized', 'The token is missing required claims.');
      }
      return {
        role,
        tenantId: payload.tid,
        subject: payload.sub,
        origin: typeof payload.org === 'string' ? payload.org : null,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError(
        'unauthorized',
        expired ? 'The session has expired; start a new one.' : 'The token is not valid.',
        { cause: error, details: { reason: expired ? 'token_expired' : 'token_invalid' } },
      );
    }
  }
}

/** The unverified `iss` claim, or null for text that is not a JWT. */
function issuerOf(token: string): string | null {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}
