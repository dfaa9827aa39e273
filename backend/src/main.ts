/**
 * The server process: loadConfig -> createDeps -> serve(createApp). SIGTERM and SIGINT stop
 * accepting connections, let in-flight turns finish (their answers are stored), then close
 * the stores.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import { createDeps, type Deps } from './deps';
import { scheduleRetention } from './security/retention';

const DRAIN_TIMEOUT_MS = 15_000;

export interface StartedServer {
  deps: Deps;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  beforeListen?: (deps: Deps) => Promise<void>,
): Promise<StartedServer> {
  const deps = await createDeps(config, { serveStatic: true });
  await beforeListen?.(deps);
  const app = createApp(deps);
  let server!: Server;
  const port = await new Promise<number>((resolve) => {
    // Plain HTTP/1.1 (no createServer option), so the server is a node:http Server.
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
      resolve(info.port),
    ) as Server;
  });
  const url = `http://localhost:${port}`;
  // Now and daily; unref'd, and stopped (after any run in progress) before the stores close.
  const retention = scheduleRetention({
    store: deps.store,
    retentionDays: config.retentionDays,
    logger: deps.logger.child({ component: 'retention' }),
  });
  deps.logger.info(
    { url, data_dir: config.dataDir, mode: config.openai ? 'connected' : 'offline' },
    'wagechat is serving',
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      deps.logger.info('draining: no new connections, finishing in-flight requests');
      await new Promise<void>((done) => {
        // Keep-alive connections go idle once their request ends; close them as they do so
        // the drain ends when the work does, not when clients' keep-alive timers run out.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const timer = setTimeout(() => {
          deps.logger.warn('drain timed out; closing remaining connections');
          server.closeAllConnections();
        }, DRAIN_TIMEOUT_MS);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(timer);
          done();
        });
        server.closeIdleConnections();
      });
      await retention.stop();
      await deps.close();
      deps.logger.info('stopped');
    })();
    return stopping;
  };
  return { deps, url, stop };
}
