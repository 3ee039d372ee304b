import { describe, expect, it } from 'vitest';
import { features } from '../features.js';
import { STATUS_BY_CODE, type ErrorCode } from '../platform/errors.js';
import { trainingFeature } from './training.routes.js';

/** What the app must wire for this feature (src/features.ts and the one error table). */
describe('trainings wiring', () => {
  it('is registered among the features', () => {
    expect(features).toContain(trainingFeature);
  });

  it('maps its conflict codes to 409 in STATUS_BY_CODE', () => {
    const conflicts: ErrorCode[] = [
      'CLASS_FULL',
      'ALREADY_REGISTERED',
      'ALREADY_COMPLETED',
      'ALREADY_CREDITED',
      'ALREADY_DECIDED',
      'COMPLETION_EXISTS',
      'REQUEST_PENDING',
      'CLASS_CANCELLED',
      'CLASS_HELD',
    ];
    expect(Object.fromEntries(conflicts.map((code) => [code, STATUS_BY_CODE[code]]))).toEqual(Object.fromEntries(conflicts.map((code) => [code, 409])));
  });
});
