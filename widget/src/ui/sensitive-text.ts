const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]) * (i % 2 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
};

// ABA routing numbers carry a 3-7-1 weighted checksum, which keeps ordinary 9-digit numbers out.
const aba = (d: string): boolean =>
  [...d].reduce((sum, c, i) => sum + Number(c) * ([3, 7, 1][i % 3] ?? 0), 0) % 10 === 0;

/**
 * What sensitive number the text seems to contain, phrased for "This looks like …", or null.
 * A warning, not a filter: the person may still send it (the server redacts before storing).
 *
 * @example sensitiveKind('my card is 4111 1111 1111 1111') // 'a card number'
 */
export function sensitiveKind(text: string): string | null {
  for (const m of text.matchAll(/\d(?:[ -]?\d){12,18}/g)) {
    if (luhn(m[0].replace(/\D/g, ''))) return 'a card number';
  }
  if (
    /\b(?!000|666|9)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b/.test(text) ||
    /\b(ssn|social security)\D{0,20}\d{9}\b/i.test(text)
  )
    return 'a Social Security number';
  if (/\b(account|acct|routing|iban)\b\D{0,20}\d{6,17}\b/i.test(text))
    return 'a bank account number';
  for (const m of text.matchAll(/\b\d{9}\b/g)) if (aba(m[0])) return 'a bank routing number';
  return null;
}
