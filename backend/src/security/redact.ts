/**
 * PII redaction, applied to every user message before it is searched, stored or sent to a
 * model, and to anything we log. Patterns are US-centric because the product is (§1.1):
 * SSNs, card numbers (Luhn-valid), ABA routing numbers (checksum-valid) and bank account
 * numbers named as such.
 */

export type PiiKind = 'ssn' | 'card' | 'routing' | 'account';

export interface RedactionResult {
  text: string;
  /** What was found, for audit details (counts only, never the values). */
  found: Partial<Record<PiiKind, number>>;
}

const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const NINE_DIGITS = /\b\d{9}\b/g;
const SSN = /\b(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b/g;
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
  let text = input.replace(ACCOUNT, (_m, label: string) => {
    count('account');
    return `${label}[ACCOUNT NUMBER]`;
  });
  text = text.replace(CARD, (match) => {
    const digits = match.replace(/\D/g, '');
    if (digits.length < 13 || !luhnValid(digits)) return match;
    count('card');
    return '[CARD NUMBER]';
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
