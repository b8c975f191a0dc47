import { z } from 'zod';
import { LEGAL_BASIS_CODES } from './legal-bases.js';
import { PROFESSIONAL_ROLES, SECTORS } from './sectors.js';

/** The municipality's catalogue as forms choose from it: intervention types, units, professionals. */

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
  costUnit: z.enum(['hour', 'week', 'month', 'once']),
});
export type InterventionType = z.infer<typeof interventionTypeSchema>;

/** A unit of the municipality (GET /api/units). */
export const unitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.enum(SECTORS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

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
