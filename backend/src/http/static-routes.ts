import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { createWidgetDelivery } from './widget-delivery';

export interface StaticDirs {
  /** The demo employee portal, served at `/`. */
  portal: string;
  /** The built widget (widget/dist), served at `/widget/` (http/widget-delivery.ts). */
  widget: string;
}

/**
 * The widget files and the demo portal. @hono/node-server resolves `root` against the
 * working directory and refuses absolute paths, hence `relative`.
 */
export function createStaticRoutes(dirs: StaticDirs) {
  const root = (dir: string) => relative(process.cwd(), dir) || '.';
  return new Hono<AppEnv>()
    .route('/', createWidgetDelivery({ dir: dirs.widget }))
    .use('/*', serveStatic({ root: root(dirs.portal) }));
}
