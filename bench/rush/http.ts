import { Agent, request } from 'node:http';

/**
 * A small JSON client over node:http with a keep-alive agent: one socket per request in flight,
 * reused. (Node's global fetch opened its connections too slowly under 200 concurrent requests on
 * the 2-CPU bench machine, which showed up as client-side latency the server never saw.)
 */
export function jsonClient(base: string, maxSockets: number) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const call = (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const q = request({ host: url.hostname, port: url.port, path, method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
        res.on('error', reject);
      });
      q.on('error', reject);
      q.setTimeout(60_000, () => q.destroy(new Error(`${method} ${path} timed out`)));
      q.end(payload);
    });
  return { call, close: () => agent.destroy() };
}
