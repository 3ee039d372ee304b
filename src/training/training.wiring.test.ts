import { describe, expect, it } from 'vitest';
import { features } from '../features.js';
import { STATUS_BY_CODE } from '../platform/errors.js';
import { trainingFeature } from './training.routes.js';
import { WANTED_STATUS } from './training.testing.js';

/** What the app must wire for this feature (src/features.ts and the one error table). */
describe('trainings wiring', () => {
  it('is registered among the features', () => {
    expect(features).toContain(trainingFeature);
  });

  it('maps its conflict codes to 409 in STATUS_BY_CODE', () => {
    const table = Object.fromEntries(Object.keys(WANTED_STATUS).map((code) => [code, STATUS_BY_CODE[code]]));
    expect(table).toEqual(WANTED_STATUS);
  });
});
