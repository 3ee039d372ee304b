import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/feature.js';
import type { Db } from '../platform/db/database.js';
import type { RegionConfig } from './region.schemas.js';
import { getRegionConfig } from './region.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The region configuration this request works with, read at most once per request. */
    regionConfig(): Promise<RegionConfig>;
  }
}

type WithConfig = FastifyRequest & { _rc?: Promise<RegionConfig> };

/** Gives every request `req.regionConfig()`. */
export function installRegionConfig(app: App, db: Db): void {
  app.decorateRequest('regionConfig', function (this: FastifyRequest) {
    const self = this as WithConfig;
    self._rc ??= getRegionConfig(db);
    return self._rc;
  });
}

/** The configuration the person's roles were decided with becomes the request's copy. */
export function useRegionConfig(req: FastifyRequest, config: RegionConfig): void {
  (req as WithConfig)._rc = Promise.resolve(config);
}
