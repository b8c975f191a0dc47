import { z } from 'zod';
import { LEGAL_BASIS_CODES } from '../../domain/organisation/legal-bases.js';
import { PROFESSIONAL_ROLES, SECTORS } from '../../domain/organisation/sectors.js';

/** The HTTP shapes of the organisation and intervention catalogue. */

const sector = z.enum(SECTORS);

export const COST_UNITS = ['hour', 'week', 'month', 'once'] as const;

export const interventionTypeListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      sector,
      category: z.string(),
      legalBasis: z.enum(LEGAL_BASIS_CODES),
      pyramidLevel: z.number().int().min(1).max(5),
      businessDirected: z.boolean(),
      unitCostOre: z.number().int(),
      costUnit: z.enum(COST_UNITS),
    }),
  ),
});

export const unitListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      sector,
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});

export const professionalsQuerySchema = z.strictObject({ unitId: z.uuid().optional() });

export const professionalListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      profession: z.string(),
      role: z.enum(PROFESSIONAL_ROLES),
      unitId: z.uuid(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
