import { z } from 'zod';
import { optionalTextLine, token } from '../../domain/common/text.schemas.js';

/** The HTTP shapes of the caseload and the CPR search. */

export const caseloadQuerySchema = z.strictObject({
  q: optionalTextLine(100).describe(
    'Part of the name; CPR numbers are searched with POST /api/citizens/search',
  ),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  sort: z
    .enum(['name', '-name'], { error: 'must be name or -name' })
    .default('name')
    .describe('By family name, then given name; "-name" turns the order around (Å–A)'),
});

export const cprSearchBody = z.strictObject({ cpr: token(20).describe('DDMMYY-SSSS or DDMMYYSSSS') });
