import { z } from 'zod';

/** The HTTP shapes of cost imports (POST /api/costs/imports, a CSV body). */

export const costImportQuerySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200).optional().describe('The file name, kept with the import'),
});

export const costImportSchema = z
  .strictObject({
    id: z.uuid(),
    lines: z.number().int(),
    amountOre: z.number().int(),
    alreadyImported: z
      .boolean()
      .describe('True when this very file was imported before: nothing was added the second time'),
  })
  .meta({ id: 'CostImport' });
