import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the embedded default with no environment at all', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(8787);
    expect(config.dataDir).toBe('/srv/app/data');
    expect(config.openai).toBeNull();
    expect(config.sessionSecret).toBeUndefined();
    expect(config.maxUploadBytes).toBe(20 * 1024 * 1024);
  });

  it('anchors a relative data folder at INIT_CWD, where the user ran pnpm', () => {
    expect(loadConfig({ INIT_CWD: '/home/me/wagechat', WAGECHAT_DATA_DIR: 'var' }).dataDir).toBe(
      '/home/me/wagechat/var',
    );
    expect(loadConfig({ WAGECHAT_DATA_DIR: '/abs/dir' }, '/x').dataDir).toBe('/abs/dir');
  });

  it('switches to connected mode with a key or a base URL', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' });
    expect(config.openai).toMatchObject({
      baseUrl: 'http://127.0.0.1:9999/v1',
      chatModel: 'gpt-4o-mini',
    });
    expect(loadConfig({ OPENAI_API_KEY: '' }).openai).toBeNull();
  });

  it('reads per-topic confidence thresholds and the account API', () => {
    const config = loadConfig({
      WAGECHAT_TOPIC_THRESHOLDS: 'tax=0.6,payouts=0.45',
      ACCOUNT_API_URL: 'https://payouts.internal/v1',
    });
    expect(config.topicThresholds).toEqual({ tax: 0.6, payouts: 0.45 });
    expect(config.accountApi).toEqual({ url: 'https://payouts.internal/v1', token: undefined });
    expect(loadConfig({}).topicThresholds).toEqual({ pay_timing: 0.5, payouts: 0.5, tax: 0.55 });
    expect(() => loadConfig({ WAGECHAT_TOPIC_THRESHOLDS: 'tax=high' })).toThrow(
      /WAGECHAT_TOPIC_THRESHOLDS: must look like/,
    );
  });

  it('requires shared signing and encryption keys when replicas share a database', () => {
    const url = { DATABASE_URL: 'postgres://wagechat@db.internal:5432/wagechat' };
    expect(() => loadConfig(url)).toThrow(
      /WAGECHAT_SIGNING_KEY: is required when DATABASE_URL is set\n {2}WAGECHAT_ENCRYPTION_KEY: is required/,
    );
    const keys = { WAGECHAT_SIGNING_KEY: 's'.repeat(32), WAGECHAT_ENCRYPTION_KEY: 'k1:abc' };
    expect(loadConfig({ ...url, ...keys }).databaseUrl).toBe(url.DATABASE_URL);
    // The embedded default generates both into the data folder instead.
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('lists every bad value in one clear message', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        OPENAI_BASE_URL: 'not a url',
        WAGECHAT_SESSION_SECRET: 'short',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('OPENAI_BASE_URL: must be an http(s) URL');
      expect(message).toContain('WAGECHAT_SESSION_SECRET: must be at least 32 characters');
      expect(message).not.toContain('short');
    }
  });
});
