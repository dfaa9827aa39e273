import { expect, it } from 'vitest';
import { sanitizeUploadName } from './upload-name';

it.each([
  ['pay-card.pdf', 'pay-card.pdf'],
  ['../../etc/passwd.pdf', 'passwd.pdf'],
  ['C:\\Users\\ops\\handbook.pdf', 'handbook.pdf'],
  ['  spaced.pdf  ', 'spaced.pdf'],
  ['evil\r\nSet-Cookie: x=1.pdf', 'evilSet-Cookie: x=1.pdf'],
  ['invoice\u202Efdp.exe.pdf', 'invoicefdp.exe.pdf'],
  ['Cafe\u0301.pdf', 'Café.pdf'],
  ['..', null],
  ['.', null],
  ['dir/', null],
  ['\u0000\u0007', null],
  [`${'a'.repeat(201)}.pdf`, null],
])('%j -> %j', (raw, expected) => {
  expect(sanitizeUploadName(raw)).toBe(expected);
});
