/**
 * The server process: loadConfig -> createDeps -> serve(createApp). SIGTERM and SIGINT stop
 * accepting connections, let in-flight turns finish (their answers are stored), then close
 * the stores.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import { createDeps, type Deps } from './deps';

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
  const { promise: listening, resolve } = (() => {
    let done!: (port: number) => void;
    return { promise: new Promise<number>((r) => (done = r)), resolve: (p: number) => done(p) };
  })();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
    resolve(info.port),
  );
  const port = await listening;
  const url = `http://localhost:${port}`;
  deps.logger.info(
    { url, data_dir: config.dataDir, mode: config.openai ? 'connected' : 'offline' },
    'wagechat is serving',
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      deps.logger.info('draining: no new connections, finishing in-flight requests');
      await new Promise<void>((done) => {
        const timer = setTimeout(() => {
          deps.logger.warn('drain timed out; closing remaining connections');
          if ('closeAllConnections' in server) server.closeAllConnections();
          done();
        }, DRAIN_TIMEOUT_MS);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          done();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await deps.close();
      deps.logger.info('stopped');
    })();
    return stopping;
  };
  return { deps, url, stop };
}
