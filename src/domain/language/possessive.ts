/** A name in the genitive: "Saras", "Jens'" in Danish; "Sara's", "James'" in English. */
export function possessive(name: string, language: 'da' | 'en'): string {
  if (language === 'en') return /s$/i.test(name) ? `${name}'` : `${name}'s`;
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}
