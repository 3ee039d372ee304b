import type { Access, Auth } from './access.js';
import type { RegionConfig } from '../../region/region.schema.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Auth | null;
    regionConfig(): Promise<RegionConfig>;
  }
}
