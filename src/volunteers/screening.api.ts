import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { actorOf } from '../platform/http/forms.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import type { Role } from '../platform/roles.js';
import { volunteerDeps } from './applications.service.js';
import { pendingSealedNumbers, storeScreeningKey } from './screening.service.js';

/**
 * /api/v1/screening: the region's screening public key (made in the browser or by any tool that
 * keeps the private half) and the pending sealed numbers for the safety director to open locally.
 */

/** Who sets the screening key. */
export const SET_SCREENING_KEY: readonly Role[] = ['region-administrator', 'safety-director'];

export function screeningApi(app: App, deps: Deps): void {
  const kd = volunteerDeps(deps);
  app.put(
    '/api/v1/screening/public-key',
    {
      config: { access: SET_SCREENING_KEY },
      schema: {
        tags: ['volunteers'],
        summary: "Set the region's screening public key (region administrator or safety director)",
        description:
          'Only the PUBLIC half: an RSA key of at least 3072 bits as SPKI PEM (`-----BEGIN PUBLIC KEY-----`); social security numbers are sealed with it (RSA-OAEP, SHA-256). 422 SCREENING_KEY_INVALID when it is not one. Replacing a key that sealed pending numbers needs `"replace": true`, else 409 SCREENING_KEY_IN_USE with `details.unreadable`, how many pending numbers the new key cannot open. Sending the key already in use changes nothing. Applicants waiting for the key are mailed in the same change.',
        body: Type.Object({
          publicKeyPem: Type.String({ maxLength: 10_000, description: 'SPKI PEM of an RSA public key, at least 3072 bits' }),
          replace: Type.Optional(Type.Boolean({ description: 'Replace a key that sealed pending numbers (they then open only with the old private key)' })),
        }),
        response: { 200: Type.Object({ fingerprint: Type.String({ description: 'SHA256:<base64> of the key in DER form' }) }), 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const stored = await storeScreeningKey(kd, actorOf(req), req.body.publicKeyPem, req.body.replace === true, 'sealed-numbers');
      return { fingerprint: stored.fingerprint };
    },
  );
  app.get(
    '/api/v1/screening/pending',
    {
      config: { access: ['safety-director'] },
      schema: {
        tags: ['volunteers'],
        summary: 'Pending sealed social security numbers, oldest first (safety director), to open with the private key where it is kept',
        description:
          '`sealedSsn` is base64 RSA-OAEP (SHA-256) of the nine digits, sealed with the screening public key; Touchline cannot open it. Recording the check (PUT /api/v1/applications/{id}/background-check) erases it.',
        response: {
          200: Type.Array(
            Type.Object({
              applicationId: Type.String(),
              personId: Type.String(),
              name: Type.String(),
              birthDate: Type.String(),
              last4: Type.Union([Type.String(), Type.Null()]),
              sealedSsn: Type.String(),
            }),
          ),
        },
      },
    },
    async () => pendingSealedNumbers(deps.db),
  );
}
