import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { installSecurityHeaders, securityHeaders } from './headers.js';

describe('security headers', () => {
  it('are worked out once from the policy: strict sources, no framing, no referrer', () => {
    const h = securityHeaders();
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(h['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cross-origin-embedder-policy']).toBeUndefined();
    expect(Object.isFrozen(h)).toBe(true);
  });

  it('go on every answer, errors included, and a route may replace one', async () => {
    const app = Fastify();
    installSecurityHeaders(app as never);
    app.get('/plain', async () => ({ ok: true }));
    app.get('/own', async (_req, reply) => reply.header('content-security-policy', "default-src 'none'").send('x'));
    app.get('/broken', async () => {
      throw new Error('boom');
    });
    const [plain, own, broken] = await Promise.all(['/plain', '/own', '/broken'].map((url) => app.inject({ url })));
    expect(plain!.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(plain!.headers['content-security-policy']).toBe(securityHeaders()['content-security-policy']);
    expect(own!.headers['content-security-policy']).toBe("default-src 'none'");
    expect(own!.headers['referrer-policy']).toBe('no-referrer');
    expect(broken!.statusCode).toBe(500);
    expect(broken!.headers['strict-transport-security']).toContain('max-age=');
    await app.close();
  });
});
