/** The parts of the public sector (and around it) that may work with a citizen. */
export const SECTORS = [
  'employment',
  'social-adult',
  'social-children-family',
  'health-care',
  'education',
  'housing',
  'region-psychiatry',
  'region-somatic',
  'gp',
  'civil-society',
] as const;

export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, { da: string; en: string }> = {
  employment: { da: 'Beskæftigelse', en: 'Employment' },
  'social-adult': { da: 'Voksensocial', en: 'Adult social services' },
  'social-children-family': { da: 'Børn og familie', en: 'Children and family' },
  'health-care': { da: 'Sundhed og omsorg', en: 'Health and care' },
  education: { da: 'Uddannelse', en: 'Education' },
  housing: { da: 'Bolig', en: 'Housing' },
  'region-psychiatry': { da: 'Regionspsykiatri', en: 'Regional psychiatry' },
  'region-somatic': { da: 'Region (somatik)', en: 'Regional hospital care' },
  gp: { da: 'Praktiserende læge', en: 'General practitioner' },
  'civil-society': { da: 'Civilsamfund', en: 'Civil society' },
};

/** The activity pyramid, from the least intrusive support (1) to specialised services (5). */
export const PYRAMID_LEVELS = [1, 2, 3, 4, 5] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

export const PYRAMID_LABELS: Record<PyramidLevel, { da: string; en: string }> = {
  1: { da: 'Egen indsats', en: "Citizen's own effort" },
  2: { da: 'Pårørende og netværk', en: 'Relatives and network' },
  3: { da: 'Civilsamfund og frivillige', en: 'Civil society and volunteers' },
  4: { da: 'Almene tilbud', en: 'General services' },
  5: { da: 'Specialiserede tilbud', en: 'Specialised services' },
};

export const PROFESSIONAL_ROLES = ['caseworker', 'specialist', 'team_leader', 'administrator'] as const;
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];
