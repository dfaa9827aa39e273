/**
 * The one error type the backend throws. A central handler (http/middleware/errors.ts)
 * renders it as `{ error: { code, message, request_id } }` and never a stack.
 */

const STATUS_BY_CODE = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** Every machine-readable error code the API can answer with (a closed union). */
export type ErrorCode = keyof typeof STATUS_BY_CODE;

export type ErrorStatus = (typeof STATUS_BY_CODE)[ErrorCode];

export interface AppErrorOptions {
  cause?: unknown;
  /** Extra machine-readable facts safe to show the caller, e.g. `{ reason: 'pdf_encrypted' }`. */
  details?: Record<string, unknown>;
}

/**
 * @example throw new AppError('not_found', 'No conversation with that id.')
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: ErrorStatus;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
  }
}

/** True for our error, also across module copies (checks the name, not only the prototype). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error && value.name === 'AppError' && 'code' in value && 'status' in value)
  );
}

/** Normalises anything thrown into an AppError; unknown failures become `internal`. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  return new AppError('internal', 'Something went wrong on our side. Please try again.', {
    cause: value,
  });
}
