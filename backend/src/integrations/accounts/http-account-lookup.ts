import type { z } from 'zod';
import { AppError } from '../../errors';
import { directDepositResponse, payCardResponse, payoutsResponse } from './account-schemas';
import { type AccountLookup, type AccountRef, payoutLimit } from './types';

export interface HttpAccountLookupOptions {
  /** The payout system's base URL, e.g. "https://payouts.internal.example.com/v1". */
  url: string;
  /** Service token, sent as `Authorization: Bearer`; undefined for a keyless internal service. */
  token: string | undefined;
  /** Per request (default 3000 ms): an account lookup sits inside a streamed chat turn. */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

const unavailable = (reason: string, message: string, cause?: unknown) =>
  new AppError('unavailable', message, { cause, details: { service: 'accounts', reason } });

/**
 * The real payout system over HTTP. Errors name the failure (timeout, status, malformed body)
 * and never carry the token, the URL's subject or any account data: they may be logged.
 * @example createHttpAccountLookup({ url: config.accountApi.url, token: config.accountApi.token })
 */
export function createHttpAccountLookup(options: HttpAccountLookupOptions): AccountLookup {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const doFetch = options.fetch ?? fetch;

  /** The parsed body, or null on 404 (no such account, or nothing of that kind). */
  async function get<T>(
    account: AccountRef,
    path: string,
    schema: z.ZodType<T>,
  ): Promise<T | null> {
    const url = `${base}/accounts/${encodeURIComponent(account.subject)}/${path}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-tenant-id': account.tenantId,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw unavailable('timeout', 'The account service did not answer in time.');
      }
      // The cause of a network failure names only the host, never the token.
      throw unavailable('network', 'The account service could not be reached.', error);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError('unavailable', 'The account service failed to answer.', {
        details: { service: 'accounts', reason: 'status', status: response.status },
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw unavailable(
        'malformed_response',
        'The account service sent a response we could not read.',
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Only the paths of the bad fields: the values are account data.
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).slice(0, 5);
      throw new AppError('unavailable', 'The account service sent a response we could not read.', {
        details: { service: 'accounts', reason: 'malformed_response', fields },
      });
    }
    return parsed.data;
  }

  return {
    async recentPayouts(account, limit) {
      const n = payoutLimit(limit);
      const body = await get(account, `payouts?limit=${n}`, payoutsResponse);
      return body ? body.payouts.slice(0, n) : [];
    },
    payCard: (account) => get(account, 'pay-card', payCardResponse),
    directDeposit: (account) => get(account, 'direct-deposit', directDepositResponse),
  };
}
