import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a document link grants: one tenant's document version, until `exp`. */
export interface DocumentLinkClaims {
  tenantId: string;
  documentId: string;
  version: number;
  /** Unix seconds. */
  exp: number;
}

export interface DocumentLinkSignerOptions {
  /** The server's signing secret (config or the data folder's); a link key is derived from it. */
  secret: string | Uint8Array;
  /** Link lifetime in seconds (default 15 minutes: long enough to open, short if forwarded). */
  ttlSeconds?: number;
  /** Milliseconds clock; Date.now unless a test pins it. */
  now?: () => number;
}

/** Why a link was refused; each is a 403 (the route answers 404 for what is not there). */
export type LinkRefusal = 'malformed' | 'expired' | 'bad_signature';

/**
 * HMAC-SHA256 links to a document's PDF that need no bearer token (they open in a new tab).
 * The key is derived with HKDF from the server secret under its own label, so a link
 * signature can never pass for a session token's, or the reverse.
 * @example const links = createDocumentLinkSigner({ secret }); links.url({ tenantId, documentId, version: 3 })
 */
export function createDocumentLinkSigner(options: DocumentLinkSignerOptions) {
  const key = Buffer.from(
    hkdfSync('sha256', options.secret, Buffer.alloc(0), 'wagechat document links v1', 32),
  );
  const ttl = options.ttlSeconds ?? 15 * 60;
  const now = options.now ?? Date.now;
  // Newline-separated: tenant ids and uuids hold no newline, so fields cannot run together.
  const mac = (c: DocumentLinkClaims) =>
    createHmac('sha256', key)
      .update(`${c.tenantId}\n${c.documentId}\n${c.version}\n${c.exp}`)
      .digest();

  return {
    /** A path-relative link to the PDF, valid for the TTL from now. */
    url(input: Omit<DocumentLinkClaims, 'exp'>): { url: string; expiresAt: Date } {
      const exp = Math.floor(now() / 1000) + ttl;
      const sig = mac({ ...input, exp }).toString('base64url');
      const query = new URLSearchParams({ v: String(input.version), exp: String(exp), sig });
      return {
        url: `/api/v1/documents/${encodeURIComponent(input.documentId)}/file?${query}`,
        expiresAt: new Date(exp * 1000),
      };
    },
    /**
     * Checks a link's query against the tenant that owns the document.
     * @returns null when the link is good, else why not
     */
    verify(
      claims: Omit<DocumentLinkClaims, 'exp'> & { exp: string | undefined },
      sig: string | undefined,
    ): LinkRefusal | null {
      // A SHA-256 MAC is exactly 43 base64url characters; anything else is not one of ours.
      if (!sig || !/^[\w-]{43}$/.test(sig) || !/^\d{1,12}$/.test(claims.exp ?? ''))
        return 'malformed';
      const exp = Number(claims.exp);
      if (exp * 1000 <= now()) return 'expired';
      const expected = mac({ ...claims, exp });
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return 'bad_signature';
      return null;
    },
  };
}

export type DocumentLinkSigner = ReturnType<typeof createDocumentLinkSigner>;
