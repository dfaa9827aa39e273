/**
 * Short-lived signed tokens for the widget (anonymous visitors) and for local admin use.
 * HS256 with the server's session secret, through jose. Customer tokens signed by a tenant's
 * portal (HS256 tenant secret or JWKS) come with the identity work and verify into the same
 * `Principal`.
 */
import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors';

export type Role = 'visitor' | 'customer' | 'admin';

/** Who is calling, as proven by a verified token. Tools trust only this, never message text. */
export interface Principal {
  role: Role;
  tenantId: string;
  /** Visitor session id, customer user id, or admin subject. */
  subject: string;
  /** The portal origin a visitor token was issued to, when the browser sent one. */
  origin: string | null;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenServiceOptions {
  secret: string;
  visitorTtlSeconds: number;
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
  issueAdmin(tenantId: string, subject: string, ttlSeconds: number): Promise<IssuedToken>;
  /**
   * A customer token signed with our own key, for local use and tests (`wagechat token --role
   * customer`) until portals sign their users' tokens themselves (the identity work).
   */
  issueCustomer(tenantId: string, subject: string, ttlSeconds: number): Promise<IssuedToken>;
  /** Throws AppError('unauthorized') for anything not a valid, unexpired token of ours. */
  verify(token: string): Promise<Principal>;
}

/** How long after expiry a visitor may still renew into the same identity (one day). */
export const RENEWAL_GRACE_SECONDS = 24 * 60 * 60;

const ISSUER = 'wagechat';
const AUDIENCE = 'wagechat-api';
const ROLES: readonly Role[] = ['visitor', 'customer', 'admin'];

export function createTokenService(options: TokenServiceOptions): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? (() => new Date());

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
    issueCustomer(tenantId, subject, ttlSeconds) {
      return sign({ tid: tenantId, role: 'customer', org: null }, subject, ttlSeconds);
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
    verify: (token) => verifyToken(token, 0),
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
      if (typeof payload.tid !== 'string' || !ROLES.includes(role) || !payload.sub) {
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
