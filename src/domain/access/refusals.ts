/**
 * The policy's refusals, each with a stable code and its text in Danish and English. The server
 * answers a refusal in the user's language (Accept-Language) and sends the code beside it, so a
 * client can tell refusals apart without reading the text.
 */
export const REFUSALS = {
  'consent.delegate-not-included': {
    en: 'Your power of attorney does not include giving or withdrawing consent; only the citizen can.',
    da: 'Din fuldmagt omfatter ikke at give eller trække samtykke tilbage; det kan kun borgeren selv.',
  },
  'consent.citizen-gives-consent': {
    en: 'A citizen gives consent; a legal basis is recorded by a team leader.',
    da: 'Borgeren giver samtykke; et lovgrundlag registreres af en teamleder.',
  },
  'consent.no-relationship': {
    en: 'Register a consent only for a citizen you work with.',
    da: 'Du kan kun registrere samtykke for en borger, du arbejder med.',
  },
  'consent.legal-basis-team-leader': {
    en: 'Only a team leader records a legal basis for sharing without consent.',
    da: 'Kun en teamleder kan registrere et lovgrundlag for deling uden samtykke.',
  },
  'consent.professional-withdraw': {
    en: 'A consent is the citizen’s: only the citizen can withdraw it.',
    da: 'Samtykket er borgerens: kun borgeren kan trække det tilbage.',
  },
  'consent.legal-basis-end': {
    en: 'Only the team leader who recorded a legal basis can end it.',
    da: 'Kun den teamleder, der registrerede lovgrundlaget, kan afslutte det.',
  },
  'consent.confirm-citizen': {
    en: 'Only the citizen confirms or rejects a consent registered for her.',
    da: 'Kun borgeren kan bekræfte eller afvise et samtykke, der er registreret for hende.',
  },
  'break-glass.professionals-only': {
    en: 'Only professionals can use emergency access.',
    da: 'Kun fagpersoner kan bruge nødadgang.',
  },
  'break-glass.review-supervisor': {
    en: 'Only team leaders and administrators review emergency access.',
    da: 'Kun teamledere og administratorer gennemgår nødadgang.',
  },
  'break-glass.review-own': {
    en: 'Someone else must review your own emergency access.',
    da: 'En anden skal gennemgå din egen nødadgang.',
  },
  'break-glass.review-other-unit': {
    en: 'A team leader reviews the emergency access of their own unit; an administrator reviews all.',
    da: 'En teamleder gennemgår sin egen enheds nødadgang; en administrator gennemgår alle.',
  },
  'settings.administrator': {
    en: 'Municipality-wide settings are changed by an administrator.',
    da: 'Indstillinger for hele kommunen ændres af en administrator.',
  },
} as const satisfies Record<string, { en: string; da: string }>;

export type RefusalCode = keyof typeof REFUSALS;

/** A refusal of the policy: its code and its English text as the reason. */
export function refusal(code: RefusalCode): { allowed: false; reason: string; code: RefusalCode } {
  return { allowed: false, reason: REFUSALS[code].en, code };
}
