import { describe, expect, it } from 'vitest';
import { addCounts, lix, lixCount, lixOf } from './lix.js';

describe('LIX', () => {
  it('follows Björnsson: words per sentence plus the share of long words, in per cent', () => {
    // 6 words, 2 sentences, no long word: 6 / 2 + 0 = 3.
    expect(lixCount('Det er en kat. Den sover.')).toEqual({ words: 6, sentences: 2, longWords: 0 });
    expect(lix('Det er en kat. Den sover.')).toBe(3);
    // 3 words, 1 sentence, all longer than six letters: 3 / 1 + 100 × 3 / 3 = 103.
    expect(lix('Kommunen koordinerer indsatserne.')).toBe(103);
    // 10 words, 2 sentences, 2 long ("sagsbehandler", "telefonen"): 10 / 2 + 100 × 2 / 10 = 25.
    expect(lix('Din sagsbehandler ringer til dig. Hun bruger telefonen i dag.')).toBe(25);
  });

  it('counts exactly seven letters as long and six as short, digits and hyphens not as letters', () => {
    expect(lixCount('skridt').longWords).toBe(0); // 6 letters
    expect(lixCount('kontakt').longWords).toBe(1); // 7 letters
    expect(lixCount('WHO-5').words).toBe(1);
    expect(lixCount('WHO-5').longWords).toBe(0);
    expect(lixCount('e-boksen').longWords).toBe(1); // 7 letters, one word
  });

  it('ends sentences at . ! ? : ; and line breaks, and at the end without a mark', () => {
    expect(lixCount('Hej! Kom ind? Sid ned: her; tak').sentences).toBe(5);
    expect(lixCount('Første linje\nAnden linje').sentences).toBe(2);
    expect(lixCount('Ingen punktum her').sentences).toBe(1);
  });

  it('does not end a sentence at a date, a number or an abbreviation followed by a small letter', () => {
    expect(lixCount('Mødet er 1. december kl. 10 på rådhuset.').sentences).toBe(1);
    expect(lixCount('Det koster 3.5 kr. om dagen.').sentences).toBe(1);
    expect(lixCount('Vi ses i dag. Tak.').sentences).toBe(2);
  });

  it('gives 0 for a text without words, and adds counts for texts read together', () => {
    expect(lix('')).toBe(0);
    expect(lix(' – ')).toBe(0);
    const together = addCounts([lixCount('Det er en kat.'), lixCount('Kommunen koordinerer.')]);
    expect(together).toEqual({ words: 6, sentences: 2, longWords: 2 });
    expect(lixOf(together)).toBeCloseTo(3 + 100 / 3, 10);
  });
});
