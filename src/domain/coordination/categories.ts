import type { Text } from './rule.js';

/** Purpose categories of the intervention catalogue, in words, for explanations. */
export const CATEGORY_LABELS: Record<string, Text> = {
  job: { da: 'job', en: 'work' },
  'disability-pension-prep': { da: 'førtidspension', en: 'disability pension' },
  education: { da: 'uddannelse', en: 'education' },
  'mental-health': { da: 'psykisk trivsel', en: 'mental health' },
  addiction: { da: 'misbrug', en: 'addiction' },
  'daily-living': { da: 'hverdagsliv', en: 'daily living' },
  housing: { da: 'bolig', en: 'housing' },
  economy: { da: 'økonomi', en: 'money' },
  health: { da: 'sundhed', en: 'health' },
  network: { da: 'netværk', en: 'network' },
  coordination: { da: 'koordinering af forløbet', en: 'coordinating the pathway' },
};

/** A category in Danish or English (the code itself when unknown). */
export function categoryLabel(category: string, language: keyof Text): string {
  return CATEGORY_LABELS[category]?.[language] ?? category;
}
