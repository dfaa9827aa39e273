/**
 * A JWKS endpoint on a local port for tests: an issuer whose keys can be rotated mid-test, and
 * a count of how often it was asked (to prove caching and the refresh cooldown).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** A signing key and the public JWK the server publishes for it. */
export interface TestSigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

/** Makes a key pair with `kid`; the public half is exportable for the HS/RS confusion attack. */
export async function createSigningKey(
  kid: string,
  alg: 'RS256' | 'ES256' = 'RS256',
): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwk };
}

/** Signs `claims` (with `sub`, 5-minute expiry unless given) as the holder of `key`. */
export function signWith(
  key: TestSigningKey,
  claims: Record<string, unknown>,
  setup: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuedAt()
    .setExpirationTime('5m');
  return setup(jwt).sign(key.privateKey);
}

export interface JwksServer {
  url: string;
  /** Requests served so far. */
  hits(): number;
  /** Replaces the published keys (a rotation). */
  publish(keys: TestSigningKey[]): void;
  close(): Promise<void>;
}

/** @example const jwks = await startJwksServer([key]); ...; await jwks.close() */
export async function startJwksServer(keys: TestSigningKey[]): Promise<JwksServer> {
  let published = keys;
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    hits: () => hits,
    publish(next) {
      published = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
