import { describe, expect, it } from 'vitest';
import { legalBasisText } from './legal-basis.js';

describe('legalBasisText', () => {
  it('names law, section and title', () => {
    expect(legalBasisText('LAB-47')).toBe('LAB § 47 · Mentorstøtte');
  });

  it('leaves out a missing section', () => {
    expect(legalBasisText('FRIVILLIG')).toBe('Frivillig · Frivillig indsats uden myndighedsafgørelse');
  });
});
