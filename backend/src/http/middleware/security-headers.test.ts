import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP, PDF_CSP, RESOURCE_CSP, securityHeaders } from './security-headers';

const app = new Hono()
  .use(securityHeaders({ trustProxy: 0 }))
  .get('/page', (c) => c.html('<p>portal</p>'))
  .get('/doc.pdf', (c) => c.body('%PDF-1.7', 200, { 'content-type': 'application/pdf' }))
  .get('/data', (c) => c.json({ ok: true }));

describe('security headers by content type', () => {
  it('lets our pages use their own microphone (the widget records voice notes there), nothing else', async () => {
    const page = await app.request('/page');
    expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(page.headers.get('permissions-policy')).toContain('microphone=(self)');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    const data = await app.request('/data');
    expect(data.headers.get('permissions-policy')).toContain('microphone=()');
  });

  it('shows a cited PDF in the browser viewer (no sandbox), and sandboxes other resources', async () => {
    const pdf = await app.request('/doc.pdf');
    expect(pdf.headers.get('content-security-policy')).toBe(PDF_CSP);
    expect(PDF_CSP).not.toContain('sandbox');
    expect(PDF_CSP).toContain("frame-ancestors 'none'");
    const data = await app.request('/data');
    expect(data.headers.get('content-security-policy')).toBe(RESOURCE_CSP);
    expect(RESOURCE_CSP).toContain('sandbox');
  });
});
