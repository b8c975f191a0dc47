/**
 * Pathway templates (forløb): the framed courses a citizen's plan can run in. The workflow is
 * data, not law in code (DOMAIN.md): each template names its legal frame; the stalled rule
 * measures "no intervention started within N months" from a pathway's start.
 */
export const PATHWAY_TEMPLATES = {
  ressourceforloeb: {
    da: 'Ressourceforløb',
    en: 'Resource pathway (ressourceforløb)',
    // The same chapter as the legal basis LAB-68 (organisation/legal-bases.ts): cited one way.
    legalFrame: 'LAB kap. 19 / LAS § 68 a',
  },
  jobafklaringsforloeb: {
    da: 'Jobafklaringsforløb',
    en: 'Job clarification pathway (jobafklaringsforløb)',
    legalFrame: 'LAB kap. 18 / LAS § 68 c',
  },
  'helhedsorienteret-plan': {
    da: 'Helhedsorienteret plan',
    en: 'Holistic plan',
    legalFrame: 'LAB § 40, stk. 3',
  },
  'handleplan-141': {
    da: 'Handleplan efter serviceloven § 141',
    en: 'Action plan (Social Services Act § 141)',
    legalFrame: 'Serviceloven § 141',
  },
} as const;

export type PathwayTemplateCode = keyof typeof PATHWAY_TEMPLATES;
export const PATHWAY_TEMPLATE_CODES = Object.keys(PATHWAY_TEMPLATES) as [
  PathwayTemplateCode,
  ...PathwayTemplateCode[],
];

/** A template's name in both languages; an unknown (municipality-added) code names itself. */
export function pathwayName(code: string): { da: string; en: string } {
  const template = PATHWAY_TEMPLATES[code as PathwayTemplateCode];
  return template ? { da: template.da, en: template.en } : { da: code, en: code };
}
