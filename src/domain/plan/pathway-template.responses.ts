import { z } from 'zod';
import { TEMPLATE_VERSION_STATUSES, templateDefinitionSchema } from './pathway-template.js';

/** What the server answers about the municipality's pathway templates (decision 0019). */

const name = z.object({ da: z.string(), en: z.string() });

/** One version, without its stages: for lists. */
export const templateVersionSummarySchema = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  code: z.string(),
  origin: z.enum(['shipped', 'municipality']).describe('Shipped with Samspil, or the municipality’s own'),
  version: z.number().int(),
  status: z.enum(TEMPLATE_VERSION_STATUSES).describe('A published version never changes'),
  name,
  legalFrame: z.string(),
  stageCount: z.number().int(),
  basedOnId: z.uuid().nullable().describe('The version it was copied from'),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type TemplateVersionSummary = z.infer<typeof templateVersionSummarySchema>;

/** One version with its whole definition: stages, transitions, rules. */
export const templateVersionSchema = templateVersionSummarySchema.extend({
  definition: templateDefinitionSchema,
});
export type TemplateVersionView = z.infer<typeof templateVersionSchema>;

/** GET /api/pathway-templates: each template with its versions, oldest first. */
export const templateListSchema = z.object({
  items: z.array(
    z.object({
      templateId: z.uuid(),
      code: z.string(),
      origin: z.enum(['shipped', 'municipality']),
      versions: z.array(templateVersionSummarySchema),
    }),
  ),
});
export type TemplateList = z.infer<typeof templateListSchema>;
