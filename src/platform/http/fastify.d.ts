import type { Access, Auth } from './access.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access (the authorization test walks it). */
    routeTable: import('./security.js').RouteEntry[];
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}
