import { z } from 'zod';

/** The HTTP shapes of the organisation and intervention catalogue; the answers are in src/domain/organisation/catalogue.responses.ts. */

export const professionalsQuerySchema = z.strictObject({ unitId: z.uuid().optional() });
