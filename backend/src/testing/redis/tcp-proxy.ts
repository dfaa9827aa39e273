/**
 * A TCP proxy a test can cut, to stage a Redis outage without touching the shared Redis:
 * `stop()` drops every connection and the listener; `start()` listens on the same port again;
 * `stall(true)` keeps connections open but swallows what the client sends (a hung Redis).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Listen again on the same port (Redis "comes back"). */
  start(): Promise<void>;
  /** Refuse new connections and cut the open ones (Redis "goes away"). */
  stop(): Promise<void>;
  /** Stop (or resume) forwarding while keeping connections up: no RST, just silence. */
  stall(stalled: boolean): void;
}

/** @example const proxy = await startTcpProxy(6379, '127.0.0.1') */
export async function startTcpProxy(targetPort: number, targetHost: string): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let stalled = false;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = createConnection({ port: targetPort, host: targetHost });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.on('data', (chunk) => {
          if (!stalled) upstream.write(chunk);
        });
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    start: listen,
    stall(value) {
      stalled = value;
    },
    async stop() {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
