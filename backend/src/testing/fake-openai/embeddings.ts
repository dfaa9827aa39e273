import type { ServerResponse } from 'node:http';
import { send } from './http';
import type { FakeEmbeddingRequest } from './types';

/**
 * POST /v1/embeddings in both encodings: the OpenAI SDK asks for `base64` by default and
 * decodes little-endian float32; answering a float array to that request gives the caller
 * silent garbage, which is why the encoding is honoured here.
 */
export function answerEmbeddings(
  body: Record<string, unknown>,
  res: ServerResponse,
  embed: (text: string, dimension: number) => number[],
  defaultDimension: number,
  log: FakeEmbeddingRequest[],
) {
  const input = typeof body.input === 'string' ? [body.input] : (body.input as string[]);
  const encodingFormat = body.encoding_format === 'base64' ? 'base64' : 'float';
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
  const request: FakeEmbeddingRequest = {
    model: String(body.model),
    input,
    encodingFormat,
    dimensions,
    receivedAt: performance.now(),
  };
  log.push(request);
  const size = dimensions ?? defaultDimension;
  const data = input.map((text, index) => {
    const vector = embed(text, size);
    const embedding =
      encodingFormat === 'base64'
        ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
        : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = input.reduce((n, text) => n + Math.ceil(text.length / 4), 0);
  send(res, 200, {
    object: 'list',
    data,
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
  request.finishedAt = performance.now();
}
