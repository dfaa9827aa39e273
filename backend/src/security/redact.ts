/**
 * PII redaction, applied to every user message before it is searched, stored or sent to a
 * model, and to anything we log. Patterns are US-centric because the product is (§1.1):
 * SSNs, card numbers (Luhn-valid), ABA routing numbers (checksum-valid), bank account
 * numbers named as such, email addresses and US phone numbers.
 */

export type PiiKind = 'ssn' | 'card' | 'routing' | 'account' | 'email' | 'phone';

export interface RedactionResult {
  text: string;
  /** What was found, for audit details (counts only, never the values). */
  found: Partial<Record<PiiKind, number>>;
}

const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const NINE_DIGITS = /\b\d{9}\b/g;
const SSN = /\b(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
/**
 * US numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, 5551234567.
 * The area code cannot start with 0 or 1 (NANP), which spares Unix times and ids like
 * 1234567890. Not after `$`, a letter, `.`, `,`, `/` or `-` and not before another digit
 * group, so amounts ($1,234.56), decimals, dates, ZIP+4 and longer digit runs stay.
 */
const PHONE =
  /(?<![\w$.,/-])(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-]?)\d{3}[ .-]?\d{4}(?!\d|[.,/-]\d)/g;
const ACCOUNT =
  /\b((?:bank\s+)?(?:account|acct|a\/c)(?:\s+(?:number|no\.?|#))?\s*(?:is|:)?\s*)(\d[\d -]{4,20}\d)\b/gi;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ABA routing numbers carry a 3-7-1 weighted checksum. */
function abaValid(d: string): boolean {
  const n = (i: number) => Number(d[i]);
  const sum = 3 * (n(0) + n(3) + n(6)) + 7 * (n(1) + n(4) + n(7)) + (n(2) + n(5) + n(8));
  return sum % 10 === 0 && d !== '000000000';
}

/**
 * @example redactPii('my ssn is 123-45-6789').text === 'my ssn is [SSN]'
 */
export function redactPii(input: string): RedactionResult {
  const found: RedactionResult['found'] = {};
  const count = (kind: PiiKind) => {
    found[kind] = (found[kind] ?? 0) + 1;
  };
  let text = input.replace(EMAIL, () => {
    count('email');
    return '[EMAIL]';
  });
  text = text.replace(ACCOUNT, (_m, label: string) => {
    count('account');
    return `${label}[ACCOUNT NUMBER]`;
  });
  text = text.replace(CARD, (match) => {
    const digits = match.replace(/\D/g, '');
    if (digits.length < 13 || !luhnValid(digits)) return match;
    count('card');
    return '[CARD NUMBER]';
  });
  // After cards (a 16-digit card holds 10-digit runs) and named accounts, before bare SSNs.
  text = text.replace(PHONE, () => {
    count('phone');
    return '[PHONE]';
  });
  text = text.replace(SSN, () => {
    count('ssn');
    return '[SSN]';
  });
  text = text.replace(NINE_DIGITS, (match) => {
    // A bare nine-digit number is either a routing number or an undashed SSN: both go.
    count(abaValid(match) ? 'routing' : 'ssn');
    return abaValid(match) ? '[ROUTING NUMBER]' : '[SSN]';
  });
  return { text, found };
}

/**
 * Redacts every string in a log record: plain objects and arrays, four levels deep. Meant for
 * pino's `formatters.log` hook, as a net under the rule that message text is never logged.
 * Error instances are left to pino's serializer (their messages are ours, not user text).
 * @example redactLogRecord({ q: 'mail a@b.io' }) // { q: 'mail [EMAIL]' }
 */
export function redactLogRecord(record: Record<string, unknown>): Record<string, unknown> {
  return redactValue(record, 4) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactPii(value).text;
  if (depth === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = redactValue(v, depth - 1);
  return out;
}
