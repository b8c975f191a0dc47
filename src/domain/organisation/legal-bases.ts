/** Legal bases an intervention can be granted under. Codes are stable; titles are for people. */
export const LEGAL_BASES = {
  'LAB-32': { law: 'LAB', section: '§ 32', title: 'Vejledning og opkvalificering' },
  'LAB-40': { law: 'LAB', section: '§ 40', title: 'Helhedsorienteret plan' },
  'LAB-42': { law: 'LAB', section: '§ 42', title: 'Virksomhedspraktik' },
  'LAB-47': { law: 'LAB', section: '§ 47', title: 'Mentorstøtte' },
  'LAB-51': { law: 'LAB', section: '§ 51', title: 'Ansættelse med løntilskud' },
  'LAB-68': { law: 'LAB', section: 'kap. 19', title: 'Ressourceforløb' },
  'LAB-FLEX': { law: 'LAB', section: 'kap. 20', title: 'Fleksjob' },
  'SEL-85': { law: 'Serviceloven', section: '§ 85', title: 'Socialpædagogisk støtte' },
  'SEL-83': { law: 'Serviceloven', section: '§ 83', title: 'Personlig og praktisk hjælp' },
  'SEL-103': { law: 'Serviceloven', section: '§ 103', title: 'Beskyttet beskæftigelse' },
  'SEL-104': { law: 'Serviceloven', section: '§ 104', title: 'Aktivitets- og samværstilbud' },
  'SEL-107': { law: 'Serviceloven', section: '§ 107', title: 'Midlertidigt botilbud' },
  'SEL-108': { law: 'Serviceloven', section: '§ 108', title: 'Længerevarende botilbud' },
  'SEL-141': { law: 'Serviceloven', section: '§ 141', title: 'Handleplan' },
  'SEL-101': { law: 'Serviceloven', section: '§ 101', title: 'Stofmisbrugsbehandling' },
  'SUL-119': { law: 'Sundhedsloven', section: '§ 119', title: 'Forebyggelse og sundhedsfremme' },
  'SUL-138': { law: 'Sundhedsloven', section: '§ 138', title: 'Hjemmesygepleje' },
  'SUL-140': { law: 'Sundhedsloven', section: '§ 140', title: 'Genoptræning' },
  'SUL-141': { law: 'Sundhedsloven', section: '§ 141', title: 'Alkoholbehandling' },
  'PSYK-REG': { law: 'Sundhedsloven', section: '§ 79', title: 'Ambulant psykiatrisk behandling' },
  'STU-LOV': { law: 'STU-loven', section: '§ 1', title: 'Særligt tilrettelagt ungdomsuddannelse' },
  'FVU-LOV': { law: 'FVU-loven', section: '§ 1', title: 'Forberedende voksenundervisning' },
  'ABL-BOLIG': { law: 'Almenboligloven', section: '§ 59', title: 'Boligsocial anvisning' },
  FRIVILLIG: { law: 'Frivillig', section: '—', title: 'Frivillig indsats uden myndighedsafgørelse' },
  EGEN: { law: 'Egen indsats', section: '—', title: 'Borgerens egen indsats' },
} as const;

export type LegalBasisCode = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_CODES = Object.keys(LEGAL_BASES) as [LegalBasisCode, ...LegalBasisCode[]];
