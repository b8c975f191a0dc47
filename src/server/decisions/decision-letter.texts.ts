import type { PdfLanguage } from '../plan-pdf/plan-pdf.texts.js';

/**
 * The letters' own words: the hearing letter and the final decision, in plain language (the
 * Danish held to LIX 40 with the citizen's screens by src/plain-language.test.ts, and the letter
 * as a whole by decision-letter.test.ts). No word of the trade: the law's sections are the case's
 * data (its legal basis), never the letter's prose. `{…}` are filled from the decision.
 */
const letterDa = {
  band: 'Brev fra {unit}',
  metaDate: 'Dato: {date}',
  running: '{title} · {date}',
  page: 'Side {page} af {pages}',
  hearingTitle: 'Vi vil høre dig, før vi beslutter',
  hearingLead: 'Vi vil gerne høre, hvad du mener, før vi beslutter noget om: {title}.',
  hearingPlan: 'Det vil vi gøre',
  hearingFacts: 'Det bygger vi på',
  hearingFactsHelp: 'Læs det godt. Skriv til os, hvis noget er forkert. Så retter vi det.',
  law: 'Den regel, vi bruger',
  hearingAnswer: 'Sådan svarer du',
  hearingDeadline: 'Du kan svare til og med {date}.',
  hearingHow: 'Log ind på Samspil og gå til Mit forløb. Der kan du skrive til os. Du kan også ringe til os.',
  hearingWait: 'Vi beslutter først, når vi har hørt fra dig, eller når datoen er gået.',
  hearingRight: 'Loven siger, at du har ret til at se og sige noget til det, vi bygger på.',
  finalTitle: 'Vi har besluttet: {title}',
  finalLead: 'Her kan du læse, hvad vi har besluttet, og hvorfor.',
  finalWhat: 'Det har vi besluttet',
  finalHeard: 'Det sagde du, og det har vi gjort',
  finalChanged: 'Vi har ændret noget, fordi du svarede os:',
  finalUnchanged: 'Vi har læst dit svar. Vi har ikke ændret noget. Det er fordi:',
  finalNoHearing: 'Vi spurgte dig ikke først. Det er fordi:',
  finalWhy: 'Derfor har vi besluttet det',
  finalRules: 'De regler, vi bruger',
  finalWeighed: 'Det har vi lagt vægt på',
  finalFacts: 'Det, vi ved om din sag',
  finalTeam: 'Vi gør noget andet, end teamet anbefalede. Det er fordi:',
  appealHeading: 'Hvis du er uenig',
  appealWho: 'Du kan klage til {body}.',
  appealWhen: 'Vi skal have din klage senest {date}. Det er {weeks} uger efter, at vi besluttede.',
  appealHow: 'Sådan klager du: {how}',
  appealNext:
    'Vi ser på sagen igen inden for 4 uger. Ændrer vi ikke vores beslutning, sender vi din klage videre til {body}.',
} as const;

export type LetterTextKey = keyof typeof letterDa;

const letterEn: Record<LetterTextKey, string> = {
  band: 'Letter from {unit}',
  metaDate: 'Date: {date}',
  running: '{title} · {date}',
  page: 'Page {page} of {pages}',
  hearingTitle: 'We want to hear you before we decide',
  hearingLead: 'We would like to hear what you think before we decide about: {title}.',
  hearingPlan: 'What we intend to do',
  hearingFacts: 'What we base it on',
  hearingFactsHelp: 'Read it carefully. Write to us if something is wrong, and we will correct it.',
  law: 'The rule we use',
  hearingAnswer: 'How to answer',
  hearingDeadline: 'You can answer until and including {date}.',
  hearingHow: 'Log in to Samspil and go to My pathway. There you can write to us. You can also call us.',
  hearingWait: 'We only decide when we have heard from you, or when the date has passed.',
  hearingRight: 'The law says you have a right to see and comment on what we base it on.',
  finalTitle: 'We have decided: {title}',
  finalLead: 'Here you can read what we have decided, and why.',
  finalWhat: 'What we have decided',
  finalHeard: 'What you said, and what we did',
  finalChanged: 'We changed something because you answered us:',
  finalUnchanged: 'We have read your answer. We have not changed anything, because:',
  finalNoHearing: 'We did not ask you first, because:',
  finalWhy: 'Why we decided this',
  finalRules: 'The rules we use',
  finalWeighed: 'What we gave weight to',
  finalFacts: 'What we know about your case',
  finalTeam: 'We do something other than the team recommended, because:',
  appealHeading: 'If you disagree',
  appealWho: 'You can appeal to {body}.',
  appealWhen: 'We must have your appeal by {date}. That is {weeks} weeks after we decided.',
  appealHow: 'How to appeal: {how}',
  appealNext:
    'We look at the case again within 4 weeks. If we do not change our decision, we send your appeal on to {body}.',
};

export const letterTexts: Record<PdfLanguage, Record<LetterTextKey, string>> = { da: letterDa, en: letterEn };
