import { z } from 'zod';
import { itemListSchema } from '../common/responses.js';
import { LEGAL_BASIS_CODES } from './legal-bases.js';
import { PROFESSIONAL_ROLES, SECTORS } from './sectors.js';

/** The municipality's catalogue as forms choose from it: intervention types, units, professionals. */

/** How an intervention type's unit cost is counted. */
export const COST_UNITS = ['hour', 'week', 'month', 'once'] as const;
export type CostUnit = (typeof COST_UNITS)[number];

/** An intervention type from the municipality's catalogue (GET /api/catalogue/intervention-types). */
export const interventionTypeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  sector: z.enum(SECTORS),
  category: z.string(),
  legalBasis: z.enum(LEGAL_BASIS_CODES),
  pyramidLevel: z.number().int().min(1).max(5),
  businessDirected: z.boolean(),
  unitCostOre: z.number().int(),
  costUnit: z.enum(COST_UNITS),
});
export type InterventionType = z.infer<typeof interventionTypeSchema>;
export const interventionTypeListSchema = itemListSchema(interventionTypeSchema);

/** A unit of the municipality (GET /api/units). */
export const unitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.enum(SECTORS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = itemListSchema(unitSchema);

/** A professional (GET /api/professionals). */
export const professionalSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  profession: z.string(),
  role: z.enum(PROFESSIONAL_ROLES),
  unitId: z.uuid(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Professional = z.infer<typeof professionalSchema>;
export const professionalListSchema = itemListSchema(professionalSchema);
