import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';

let deps: Deps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

const config = (protocol?: string) =>
  app.request('/api/v1/widget/config?tenant=demo', {
    headers: protocol === undefined ? {} : { 'Wagechat-Protocol': protocol },
  });

describe('Wagechat-Protocol', () => {
  it('serves the current protocol (2) and the previous one (1), echoing the version', async () => {
    for (const version of ['1', '2', ' 2 ']) {
      const res = await config(version);
      expect(res.status, version).toBe(200);
      expect(res.headers.get('wagechat-protocol')).toBe(version.trim());
    }
  });

  it('echoes the version on errors raised after it, too', async () => {
    const res = await app.request('/api/v1/widget/config?tenant=nobody', {
      headers: { 'Wagechat-Protocol': '2' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('wagechat-protocol')).toBe('2');
  });

  it('reads a missing or empty header as 1, what widgets sent before the header existed', async () => {
    for (const res of [await config(), await config('')]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('wagechat-protocol')).toBe('1');
    }
  });

  it('refuses other versions with unsupported_protocol, naming the supported ones', async () => {
    for (const version of ['3', '0', 'garbage', '2.0', '1e0', '-1', '02x']) {
      const res = await config(version);
      expect(res.status, version).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; message: string; details: { supported: number[] } };
      };
      expect(body.error.code).toBe('unsupported_protocol');
      expect(body.error.message).toMatch(/speaks 1 and 2/);
      expect(body.error.details.supported).toEqual([1, 2]);
      expect(res.headers.get('wagechat-protocol')).toBe('2');
    }
  });

  it('lets browsers send and read the header across origins', async () => {
    const res = await app.request('/api/v1/chat/message', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'wagechat-protocol, content-type, authorization',
      },
    });
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'wagechat-protocol',
    );
    const get = await app.request('/api/v1/widget/config?tenant=demo', {
      headers: { origin: 'http://localhost:5173', 'Wagechat-Protocol': '2' },
    });
    expect(get.headers.get('access-control-expose-headers')?.toLowerCase()).toContain(
      'wagechat-protocol',
    );
  });
});
