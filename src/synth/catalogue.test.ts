import { describe, expect, it } from 'vitest';
import { LEGAL_BASES } from '../domain/organisation/legal-bases.js';
import { MULTI_SECTOR_ARCHETYPES, SINGLE_SECTOR_ARCHETYPES } from './archetypes.js';
import { CATALOGUE, typeByCode } from './catalogue.js';
import { deliveringUnit } from './citizen-builder.js';
import { SUB_GOALS } from './goals.js';
import { coordinatorProfession, unitDefinition } from './organisation.js';

describe('intervention catalogue', () => {
  it('holds 35–50 types with unique codes and known legal bases', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(35);
    expect(CATALOGUE.length).toBeLessThanOrEqual(50);
    expect(new Set(CATALOGUE.map((type) => type.code)).size).toBe(CATALOGUE.length);
    for (const type of CATALOGUE) expect(Object.keys(LEGAL_BASES)).toContain(type.legalBasis);
  });

  it('is delivered by units of the type’s own sector, by a profession that works there', () => {
    for (const type of CATALOGUE) {
      const unit = unitDefinition(type.unit);
      expect(unit.sector, type.code).toBe(type.sector);
      expect(
        unit.staff.map(([profession]) => profession),
        type.code,
      ).toContain(type.profession);
      expect(type.frequencies.length, type.code).toBeGreaterThan(0);
      expect(type.purposes.length, type.code).toBeGreaterThan(0);
    }
  });

  it('covers every level of the activity pyramid, and business-directed employment', () => {
    expect(new Set(CATALOGUE.map((type) => type.pyramidLevel))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(typeByCode('BES-PRAKTIK').businessDirected).toBe(true);
    expect(typeByCode('BES-LOENTILSKUD').businessDirected).toBe(true);
    expect(typeByCode('BES-IPS').businessDirected).toBe(true);
    expect(typeByCode('SOC-BOSTOETTE').businessDirected).toBe(false);
  });
});

describe('archetypes', () => {
  it('only name types that exist, delivered within the recipe’s sector', () => {
    for (const archetype of [...SINGLE_SECTOR_ARCHETYPES, ...MULTI_SECTOR_ARCHETYPES]) {
      expect(coordinatorProfession(archetype.coordinator)).toBeTruthy();
      for (const recipe of archetype.sectors) {
        for (const code of [...recipe.anchors, ...recipe.extras, ...recipe.history]) {
          const type = typeByCode(code);
          expect(type.sector, `${archetype.key}: ${code}`).toBe(recipe.sector);
          expect(unitDefinition(deliveringUnit(type, recipe.home)).sector).toBe(recipe.sector);
        }
        // The main intervention carries a cost, so every citizen has a cost this year.
        for (const code of recipe.anchors) expect(typeByCode(code).unitCostOre, code).toBeGreaterThan(0);
      }
    }
  });

  it('keep single-sector citizens in one sector and multi-sector citizens in at least two', () => {
    for (const archetype of SINGLE_SECTOR_ARCHETYPES) expect(archetype.sectors).toHaveLength(1);
    for (const archetype of MULTI_SECTOR_ARCHETYPES) {
      const certain = archetype.sectors.filter((recipe) => recipe.probability === undefined);
      expect(certain.length, archetype.key).toBeGreaterThanOrEqual(2);
    }
  });

  it('have sub-goal templates for every category but coordination', () => {
    for (const type of CATALOGUE) {
      if (type.category !== 'coordination') expect(SUB_GOALS[type.category].length).toBeGreaterThan(0);
    }
  });
});
