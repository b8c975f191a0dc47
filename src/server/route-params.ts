import { z } from 'zod';

/**
 * The path parameters routes share: ids are UUIDs, and a wrong one is a 400 that names what it
 * should have been ("must be a citizen id (UUID)"), the same in every route.
 */
export const idParam = (name: string) => z.uuid({ error: `must be a ${name} id (UUID)` });

/** `/api/citizens/:citizenId/…` */
export const citizenParams = z.strictObject({ citizenId: idParam('citizen') });
