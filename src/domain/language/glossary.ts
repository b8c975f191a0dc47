/**
 * Words of the trade that a citizen cannot be expected to know. Citizen-facing texts do not use
 * them; where the citizen opens "Vis detaljer" and meets one (a legal reference on a decision,
 * the name of a pathway), the screen shows the explanation from here beside it. A test reads
 * every Danish citizen text and fails on a term from this list (web/src/i18n/plain-language.test.ts).
 */
export interface GlossaryTerm {
  /** The forms the term takes in Danish text (matched as whole words, any case). */
  readonly forms: readonly string[];
  readonly da: string;
  readonly en: string;
}

export const GLOSSARY: Readonly<Record<string, GlossaryTerm>> = {
  indsats: {
    forms: ['indsats', 'indsatsen', 'indsatser', 'indsatserne'],
    da: 'Hjælp, som kommunen eller regionen giver dig. Det kan være et kursus, samtaler eller hjælp i hjemmet.',
    en: 'Help the municipality or the region gives you: a course, talks or help at home.',
  },
  delmaal: {
    forms: ['delmål', 'delmålet', 'delmålene'],
    da: 'Et skridt på vejen mod dit mål. Tit er der flere skridt.',
    en: 'A step on the way to your goal. There are often several steps.',
  },
  forloeb: {
    forms: ['forløbet', 'forløbene', 'ressourceforløb', 'jobafklaringsforløb'],
    da: 'Den tid, hvor du får hjælp efter en plan. Nogle forløb har et navn i loven.',
    en: 'The time in which you get help by a plan. Some have a name in the law.',
  },
  paragraf: {
    forms: ['§', 'paragraf', 'paragraffen', 'stk'],
    da: 'Et sted i en lov. Det viser, hvilken regel kommunen bruger.',
    en: 'A place in a law. It shows which rule the municipality uses.',
  },
  lovkode: {
    forms: ['LAB', 'LAS', 'SEL', 'SUL', 'serviceloven', 'sundhedsloven', 'beskæftigelsesloven'],
    da: 'Navnet på en lov. Kommunen skal følge loven, når den hjælper dig.',
    en: 'The name of a law. The municipality must follow the law when it helps you.',
  },
  gas: {
    forms: ['GAS', 'målopfyldelse'],
    da: 'En måde at se, hvor langt du er nået med et skridt. Vi siger det i ord.',
    en: 'A way to see how far you have come with a step. We say it in words.',
  },
  afgoerelse: {
    forms: ['partshøring', 'partshøringen', 'bevilling', 'bevillingen'],
    da: 'Når kommunen vil beslutte noget om dig, må du først sige din mening. Det kaldes partshøring.',
    en: 'Before the municipality decides something about you, you may give your view first.',
  },
  pyramide: {
    forms: ['aktivitetspyramiden', 'aktivitetspyramide'],
    da: 'En måde at ordne hjælpen på: fra det, du selv og dit netværk gør, til hjælp fra kommunen.',
    en: 'A way to order help: from what you and your network do, to help from the municipality.',
  },
  koordinering: {
    forms: ['koordinerende', 'koordinator', 'tværsektoriel', 'tværsektorielt'],
    da: 'Den person, der holder styr på hele din plan og taler med de andre, der hjælper dig.',
    en: 'The person who keeps track of your whole plan and talks to the others who help you.',
  },
};

/** The glossary terms a text uses, as their keys. */
export function glossaryTermsIn(text: string): string[] {
  return Object.entries(GLOSSARY)
    .filter(([, term]) =>
      term.forms.some((form) =>
        form === '§'
          ? text.includes('§')
          : new RegExp(`(?<![\\p{L}\\p{N}])${form}(?![\\p{L}\\p{N}])`, 'iu').test(text),
      ),
    )
    .map(([key]) => key);
}
