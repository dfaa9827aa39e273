/**
 * The one error type the backend throws. A central handler (http/middleware/errors.ts)
 * renders it as `{ error: { code, message, request_id } }` and never a stack.
 */
import { type ErrorCode, STATUS_BY_ERROR_CODE } from './contract/v1';

/** Every machine-readable error code the API can answer with (a closed union, in the contract). */
export type { ErrorCode };

export type ErrorStatus = (typeof STATUS_BY_ERROR_CODE)[ErrorCode];

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
    this.status = STATUS_BY_ERROR_CODE[code];
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
