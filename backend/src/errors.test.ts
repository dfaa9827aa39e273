import { describe, expect, it } from 'vitest';
import { AppError, isAppError, toAppError } from './errors';

describe('AppError', () => {
  it('derives the HTTP status from the code', () => {
    expect(new AppError('too_large', 'x').status).toBe(413);
    expect(new AppError('rate_limited', 'x').status).toBe(429);
  });

  it('keeps an AppError as it is and turns anything else into internal', () => {
    const known = new AppError('not_found', 'gone');
    expect(toAppError(known)).toBe(known);
    const wrapped = toAppError(new TypeError('boom'));
    expect(wrapped.code).toBe('internal');
    expect(wrapped.status).toBe(500);
    expect(wrapped.message).not.toContain('boom');
    expect(wrapped.cause).toBeInstanceOf(TypeError);
    expect(toAppError('a string').code).toBe('internal');
  });

  it('recognises an AppError by name when instanceof fails across copies', () => {
    const lookalike = Object.assign(new Error('x'), {
      name: 'AppError',
      code: 'forbidden',
      status: 403,
    });
    expect(isAppError(lookalike)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
