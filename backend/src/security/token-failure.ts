/**
 * Why a foreign JWT (a portal's customer token, an identity provider's admin token) was refused,
 * as one precise reason for the audit trail and a coarse one for the caller: telling an attacker
 * which check failed (issuer, audience, key) helps them, telling the widget "expired" does not.
 */
import { errors } from 'jose';
import { AppError } from '../errors';

/** Audit reasons for a refused token. */
export type TokenFailureReason =
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'claims_invalid'
  | 'algorithm_not_allowed'
  | 'bad_signature'
  | 'unknown_key'
  | 'malformed'
  | 'not_configured'
  | 'keys_unavailable';

/**
 * A refused token: renders like any AppError (401 with only `token_expired` or `token_invalid`,
 * or 503 when the issuer's keys could not be fetched, which is not the caller's fault) and keeps
 * the precise reason for our audit writer alone.
 */
export class TokenRefusedError extends AppError {
  readonly auditReason: TokenFailureReason;

  constructor(auditReason: TokenFailureReason, message: string, cause?: unknown) {
    const unavailable = auditReason === 'keys_unavailable';
    const expired = auditReason === 'token_expired';
    super(
      unavailable ? 'unavailable' : 'unauthorized',
      unavailable
        ? 'The sign-in service cannot be reached; try again soon.'
        : expired
          ? 'The sign-in token has expired.'
          : message,
      {
        cause,
        details: {
          reason: unavailable ? 'keys_unavailable' : expired ? 'token_expired' : 'token_invalid',
        },
      },
    );
    this.auditReason = auditReason;
  }
}

/** Wraps any verification failure (jose's or ours) as a {@link TokenRefusedError}. */
export function toTokenError(error: unknown, message: string): TokenRefusedError {
  if (error instanceof TokenRefusedError) return error;
  return new TokenRefusedError(tokenFailureReason(error), message, error);
}

/** Maps a jose failure to its audit reason. */
export function tokenFailureReason(error: unknown): TokenFailureReason {
  if (error instanceof TokenRefusedError) return error.auditReason;
  if (error instanceof errors.JWTExpired) return 'token_expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'token_not_yet_valid';
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    return 'claims_invalid';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return 'unknown_key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return 'keys_unavailable';
  // A JWKS fetch that failed at the network level (refused, DNS) surfaces as a plain TypeError;
  // a non-200 answer as jose's generic error.
  if (error instanceof TypeError) return 'keys_unavailable';
  if (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
    return 'keys_unavailable';
  return 'malformed';
}
