import type { App } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { checkPlayingTime } from './playing-time.rules.js';
import { CheckBody, CheckResult } from './playing-time.schemas.js';

const tags = ['game cards'];
const AUTH = { access: 'authenticated' as const };

/** /api/v1/playing-time/check: checks a card against the region's playing-time rule without storing anything. */
export function playingTimeApi(app: App): void {
  app.post(
    '/api/v1/playing-time/check',
    {
      config: AUTH,
      schema: {
        tags,
        summary: "Check a card against the region's playing-time rule; nothing is stored",
        description: 'Answers every violation, each with the player (null for a whole-quarter problem), a code and a message that says what to change.',
        body: CheckBody,
        response: { 200: CheckResult, 401: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => checkPlayingTime(req.body, (await req.regionConfig()).playingTime),
  );
}
