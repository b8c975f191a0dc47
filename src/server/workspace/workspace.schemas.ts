import { z } from 'zod';
import { idParam } from '../route-params.js';

/** The HTTP shapes of My day and the unit overview; the answers are in src/domain/workspace/workspace.responses.ts. */

export const unitParams = z.strictObject({ unitId: idParam('unit') });
