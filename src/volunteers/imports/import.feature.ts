/** The volunteer import's registration: the registrar's menu entry, its page and its API route. */
import type { Feature } from '../../platform/feature.js';
import { enableUploads } from '../../platform/http/uploads.js';
import { volunteerImportApi } from './import.api.js';
import { IMPORTERS } from './import.access.js';
import { volunteerImportRoutes } from './import.routes.js';

export const volunteerImportFeature: Feature = {
  name: 'volunteer-import',
  nav: [{ href: '/people/import', label: 'Import volunteers', access: IMPORTERS, order: 27 }],
  routes: async (app, deps) => {
    await enableUploads(app);
    volunteerImportRoutes(app, deps);
    volunteerImportApi(app, deps);
  },
};
