import { describe, expect, it } from 'vitest';
import { createDocumentLinkSigner } from './signed-links';

const claims = { tenantId: 'demo', documentId: '0b0d6c4e-8a57-4a53-9d0e-4b0f4b7f7a11', version: 2 };

function setup(secret = 's'.repeat(48)) {
  let now = 1_800_000_000_000;
  const signer = createDocumentLinkSigner({ secret, now: () => now });
  const parse = (url: string) => {
    const query = new URL(url, 'https://chat.example').searchParams;
    return { exp: query.get('exp') ?? undefined, sig: query.get('sig') ?? undefined };
  };
  return { signer, parse, advance: (ms: number) => (now += ms) };
}

describe('document links', () => {
  it('makes a path-relative link that verifies for 15 minutes, then expires', () => {
    const { signer, parse, advance } = setup();
    const { url, expiresAt } = signer.url(claims);
    expect(url).toMatch(
      new RegExp(`^/api/v1/documents/${claims.documentId}/file\\?v=2&exp=\\d+&sig=[\\w-]{43}$`),
    );
    expect(expiresAt.getTime()).toBe(1_800_000_000_000 + 15 * 60_000);
    const { exp, sig } = parse(url);
    expect(signer.verify({ ...claims, exp }, sig)).toBeNull();
    advance(15 * 60_000 - 1000);
    expect(signer.verify({ ...claims, exp }, sig)).toBeNull();
    advance(1000);
    expect(signer.verify({ ...claims, exp }, sig)).toBe('expired');
  });

  it('binds the tenant, document, version and expiry', () => {
    const { signer, parse } = setup();
    const { exp, sig } = parse(signer.url(claims).url);
    expect(signer.verify({ ...claims, tenantId: 'acme', exp }, sig)).toBe('bad_signature');
    expect(signer.verify({ ...claims, version: 1, exp }, sig)).toBe('bad_signature');
    expect(signer.verify({ ...claims, documentId: crypto.randomUUID(), exp }, sig)).toBe(
      'bad_signature',
    );
    expect(signer.verify({ ...claims, exp: String(Number(exp) + 3600) }, sig)).toBe(
      'bad_signature',
    );
    // Another server secret signs differently.
    const other = setup('t'.repeat(48)).signer;
    expect(other.verify({ ...claims, exp }, sig)).toBe('bad_signature');
  });

  it('refuses malformed signatures and expiries without comparing anything', () => {
    const { signer, parse } = setup();
    const { exp, sig } = parse(signer.url(claims).url);
    for (const bad of [undefined, '', `${sig}!`, sig?.slice(1), 'A'.repeat(44)])
      expect(signer.verify({ ...claims, exp }, bad)).toBe('malformed');
    for (const badExp of [undefined, '', '12abc', '-5', '1e12'])
      expect(signer.verify({ ...claims, exp: badExp }, sig)).toBe('malformed');
  });
});
