import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { WidgetConfigBody } from '../contract/v1';
import { AppError } from '../errors';
import type { Store } from '../store/types';
import type { AppEnv } from './env';

export interface WidgetConfigDeps {
  store: Pick<Store, 'tenants' | 'widgetConfigs'>;
}

/** What a tenant gets for each value it has not set: the widget's own defaults. */
export const WIDGET_CONFIG_DEFAULTS: Omit<WidgetConfigBody, 'tenant'> = {
  title: 'Support',
  greeting: 'Hi! How can we help?',
  accent: '#0b6e4f',
  logo_url: null,
  position: 'bottom-right',
  suggestions: [],
};

const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `GET /config?tenant=<id>` (public, no token: the widget themes itself before anyone signs
 * in). Cached five minutes, with an ETag over the body so a revalidation costs a 304.
 * @example api.route('/widget', createWidgetConfigRoutes({ store }))
 */
export function createWidgetConfigRoutes(deps: WidgetConfigDeps) {
  return new Hono<AppEnv>().get('/config', async (c) => {
    const id = c.req.query('tenant') ?? '';
    const tenant = TENANT_ID.test(id) ? await deps.store.tenants.get(id) : null;
    if (!tenant) throw new AppError('not_found', 'No tenant with that id.');
    const stored = await deps.store.widgetConfigs.get(id);
    const d = WIDGET_CONFIG_DEFAULTS;
    const body: WidgetConfigBody = {
      tenant: id,
      title: stored?.title ?? d.title,
      greeting: stored?.greeting ?? d.greeting,
      accent: stored?.accent ?? d.accent,
      logo_url: stored?.logoUrl ?? d.logo_url,
      position: stored?.position ?? d.position,
      suggestions: stored?.suggestions ?? d.suggestions,
    };
    const json = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', etag);
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`))
      return c.body(null, 304);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
