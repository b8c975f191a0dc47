import type { Selectable } from 'kysely';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import type { ProfessionalRole, Sector } from '../../domain/organisation/sectors.js';
import type { CatalogueProfessionalRow, CatalogueUnitRow } from '../../db/queries/catalogue.queries.js';
import type { InterventionTypeTable } from '../../db/schema.js';
import type {
  CostUnit,
  InterventionType as InterventionTypeView,
  Professional as ProfessionalView,
  Unit as UnitView,
} from '../../domain/organisation/catalogue.responses.js';

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
    costUnit: row.cost_unit as CostUnit,
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
