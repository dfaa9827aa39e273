import { describe, expect, it } from 'vitest';
import { answerStream, createFakeChatServer } from '../../test/fake-chat-server';
import { createApiClient } from './client';

describe('the widget protocol version', () => {
  it('is sent as Wagechat-Protocol: 2 on every API call, the session one included', async () => {
    const server = createFakeChatServer();
    const client = createApiClient({
      api: 'https://chat.example.com',
      tenant: 'demo',
      fetch: server.fetch,
    });
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    await client.sendMessage({ message: 'hi', conversationId: null }, () => {});
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of server.requests)
      expect(request.headers['wagechat-protocol'], request.path).toBe('2');
  });
});
