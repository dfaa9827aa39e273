/**
 * What the payout system must send (the HTTP lookup's edge). Unknown fields are dropped, so
 * nothing the service adds later reaches a model unreviewed; free-text fields are capped
 * because they end up in prompts.
 */
import { z } from 'zod';
import type { DirectDepositStatus, PayCardStatus, Payout } from './types';

const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const last4 = z.string().regex(/^\d{4}$/);

const payout = z.object({
  id: z.string().min(1).max(100),
  amountCents: z.number().int(),
  currency: z.literal('USD'),
  kind: z.enum(['tips', 'wages', 'instant_pay']),
  status: z.enum(['scheduled', 'processing', 'paid', 'failed', 'returned']),
  // A date, or an instant for systems that schedule to the minute.
  scheduledFor: z.union([date, instant]),
  paidAt: instant.nullable(),
  destination: z.enum(['pay_card', 'bank_account']),
  failureReason: z.string().max(200).nullable(),
}) satisfies z.ZodType<Payout>;

/** `GET /accounts/{subject}/payouts?limit=N` */
export const payoutsResponse = z.object({ payouts: z.array(payout).max(100) });

/** `GET /accounts/{subject}/pay-card` */
export const payCardResponse = z.object({
  last4,
  status: z.enum(['active', 'locked', 'lost', 'shipped', 'closed']),
  shippedAt: instant.nullable(),
}) satisfies z.ZodType<PayCardStatus>;

/** `GET /accounts/{subject}/direct-deposit` */
export const directDepositResponse = z.object({
  status: z.enum(['active', 'pending_verification', 'not_set_up', 'rejected']),
  bankName: z.string().max(100).nullable(),
  accountLast4: last4.nullable(),
  since: instant.nullable(),
}) satisfies z.ZodType<DirectDepositStatus>;
