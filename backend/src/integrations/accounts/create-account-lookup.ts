import { createHttpAccountLookup } from './http-account-lookup';
import type { AccountLookup } from './types';

export interface AccountLookupOptions {
  /** `config.accountApi`: the payout system, or null to use the demo data. */
  accountApi: { url: string; token: string | undefined } | null;
  /** The demo lookup on SQLite sample data (`store.demoAccounts`). */
  demo: AccountLookup;
  /** Per request to the payout system (default 3000 ms). */
  timeoutMs?: number;
}

/**
 * The payout system when one is configured (ACCOUNT_API_URL), the demo sample data otherwise.
 * @example createAccountLookup({ accountApi: config.accountApi, demo: store.demoAccounts })
 */
export function createAccountLookup(options: AccountLookupOptions): AccountLookup {
  if (!options.accountApi) return options.demo;
  return createHttpAccountLookup({
    url: options.accountApi.url,
    token: options.accountApi.token,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}
