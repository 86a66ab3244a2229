import type { ExportedCheckIn } from '../../../lib/export/types';
import { scoreProqol5 } from '../../../lib/scoring';
import { ANSWERS } from '../../fixtures/answers';

/** A submitted check-in as the export service returns it, scored from its answers. */
export function exportedCheckIn(overrides: Partial<ExportedCheckIn> = {}): ExportedCheckIn {
  const answers = overrides.answers ?? [...ANSWERS];
  return {
    id: '3f1c2b9a-7d4e-4c21-9a7b-2e5d8c1f0a11',
    submittedAt: new Date('2026-03-01T09:30:00.000Z'),
    wordingPreset: 'clinician',
    answers,
    scores: scoreProqol5(answers),
    note: 'A hard month; the peer group helped.',
    ...overrides,
  };
}

export const ORIGIN = 'https://tend.example.org';
export const NOW = new Date('2026-04-02T12:00:00.000Z');
