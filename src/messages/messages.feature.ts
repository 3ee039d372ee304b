import type { Feature } from '../platform/feature.js';
import { WRITERS_AND_HEAD_COACHES } from './messages.access.js';
import { messagesApi } from './messages.api.js';
import { messagesRoutes } from './messages.routes.js';

/** Messages to groups: the board (and a head coach, to their own team) writes, previews, tests and sends; the record of each. */
export const messagesFeature: Feature = {
  name: 'messages',
  nav: [{ href: '/messages', label: 'Messages', access: WRITERS_AND_HEAD_COACHES, order: 84 }],
  routes: (app, deps) => {
    messagesRoutes(app, deps);
    messagesApi(app, deps);
  },
};
