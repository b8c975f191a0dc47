import { z } from 'zod';

/**
 * Shapes shared by many responses. The response schemas in src/domain/<feature>/*.responses.ts
 * describe what the server sends; the web takes its types from them (z.infer), so the two
 * cannot drift. test/api/response-contracts.test.ts holds the server's real bodies to them.
 */

/** A text in both languages the app speaks. */
export const localisedSchema = z.object({ da: z.string(), en: z.string() });
export type Localised = z.infer<typeof localisedSchema>;

/** Something named: a unit, a professional, a citizen the viewer may see. */
export const namedRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

/** A list answer without paging. */
export const itemListSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export interface ItemList<T> {
  items: T[];
}

/** A page of results, as the paged list endpoints return it. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** RFC 9457 problem details, as every API error is returned (src/server/problem.ts). */
export const problemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  code: z.string().optional().describe('A policy refusal’s stable name'),
});
export type Problem = z.infer<typeof problemSchema>;
