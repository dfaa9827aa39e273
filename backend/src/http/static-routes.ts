import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env';

export interface StaticDirs {
  /** The demo employee portal, served at `/`. */
  portal: string;
  /** The built widget (widget/dist), served at `/widget/`. */
  widget: string;
}

/**
 * The widget script and the demo portal. @hono/node-server resolves `root` against the
 * working directory and refuses absolute paths, hence `relative`.
 */
export function createStaticRoutes(dirs: StaticDirs) {
  const root = (dir: string) => relative(process.cwd(), dir) || '.';
  return new Hono<AppEnv>()
    .use('/widget/*', async (c, next) => {
      await next();
      // Partner apps may import the ES module build from another origin.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
    })
    .use(
      '/widget/*',
      serveStatic({
        root: root(dirs.widget),
        rewriteRequestPath: (path) => path.replace(/^\/widget/, ''),
      }),
    )
    .use('/*', serveStatic({ root: root(dirs.portal) }));
}
