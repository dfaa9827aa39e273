import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test can see of the embedding calls the fake received. */
export interface FakeEmbeddingRequest {
  model: string;
  input: string[];
  encodingFormat: 'float' | 'base64';
  dimensions: number | undefined;
}

export interface FakeOpenAIOptions {
  /** Vector the fake returns for a text (default: a deterministic vector from its hash). */
  embed?: (text: string, dimension: number) => number[];
  /** Default vector length when the request names no `dimensions` (default 1536). */
  dimension?: number;
}

export interface FakeOpenAI {
  /** Base URL including /v1, for `configuration.baseURL` or OPENAI_BASE_URL. */
  url: string;
  embeddingRequests: FakeEmbeddingRequest[];
  /** Answer the next `times` requests with this status (429, 500...) before behaving again. */
  failNext(status: number, times?: number): void;
  /** The vector the fake sends for `text`, to check what reached the caller. */
  vectorFor(text: string, dimension?: number): number[];
  close(): Promise<void>;
}

/** A deterministic unit vector per text, so tests can compare what arrived with what was sent. */
export function hashVector(text: string, dimension: number): number[] {
  const out: number[] = [];
  let block = createHash('sha256').update(text).digest();
  for (let i = 0; out.length < dimension; i++) {
    if (i * 4 >= block.length) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    out.push(block.readInt32LE(i * 4) / 2 ** 31);
  }
  const norm = Math.hypot(...out);
  // Float32 round trip, exactly as the base64 encoding carries it.
  return Array.from(new Float32Array(out.map((v) => v / norm)));
}

/**
 * A local OpenAI-compatible server (127.0.0.1, random port) for tests. Implements
 * POST /v1/embeddings in both encodings: the OpenAI SDK asks for `base64` by default
 * and decodes little-endian float32; answering a float array to that request gives
 * the caller silent garbage, which is why the encoding is honoured here.
 * Chat completions can be added beside `embeddings` when the agent needs them.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const embed = options.embed ?? hashVector;
  const embeddingRequests: FakeEmbeddingRequest[] = [];
  const failures: number[] = [];

  const embeddings = (body: Record<string, unknown>, res: ServerResponse) => {
    const input = typeof body.input === 'string' ? [body.input] : (body.input as string[]);
    const encodingFormat = body.encoding_format === 'base64' ? 'base64' : 'float';
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
    embeddingRequests.push({ model: String(body.model), input, encodingFormat, dimensions });
    const size = dimensions ?? options.dimension ?? 1536;
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
  };

  const server = createServer((req, res) => {
    readJson(req).then(
      (body) => {
        const failure = failures.shift();
        if (failure !== undefined) {
          send(res, failure, { error: { message: 'Injected failure', type: 'server_error' } });
        } else if (req.method === 'POST' && req.url === '/v1/embeddings') {
          embeddings(body, res);
        } else {
          send(res, 404, { error: { message: `No route ${req.method} ${req.url}` } });
        }
      },
      () => send(res, 400, { error: { message: 'Body is not JSON' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    embeddingRequests,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    vectorFor: (text, dimension = options.dimension ?? 1536) => embed(text, dimension),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      try {
        const text = Buffer.concat(parts).toString('utf8');
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
