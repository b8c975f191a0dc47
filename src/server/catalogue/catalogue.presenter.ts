import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import type { ProfessionalRole, Sector } from '../../domain/organisation/sectors.js';
import type { CatalogueProfessionalRow, CatalogueUnitRow } from '../../db/queries/catalogue.queries.js';
import type { InterventionTypeTable } from '../../db/schema.js';
import type {
  COST_UNITS,
  interventionTypeListSchema,
  professionalListSchema,
  unitListSchema,
} from './catalogue.schemas.js';

type InterventionTypeView = z.infer<typeof interventionTypeListSchema>['items'][number];
type UnitView = z.infer<typeof unitListSchema>['items'][number];
type ProfessionalView = z.infer<typeof professionalListSchema>['items'][number];

export function presentInterventionType(row: Selectable<InterventionTypeTable>): InterventionTypeView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sector: row.sector as Sector,
    category: row.category,
    legalBasis: row.legal_basis as LegalBasisCode,
    pyramidLevel: row.pyramid_level,
    businessDirected: row.business_directed,
    unitCostOre: Number(row.unit_cost_ore),
    costUnit: row.cost_unit as (typeof COST_UNITS)[number],
  };
}

export function presentUnit(row: CatalogueUnitRow): UnitView {
  return { ...row, sector: row.sector as Sector };
}

export function presentProfessional(row: CatalogueProfessionalRow): ProfessionalView {
  return {
    id: row.id,
    name: row.name,
    profession: row.profession,
    role: row.role as ProfessionalRole,
    unitId: row.unit_id,
    phone: row.phone,
    email: row.email,
  };
}
