/**
 * The policy's refusals, each with a stable code and its text in Danish and English. The server
 * answers a refusal in the user's language (Accept-Language) and sends the code beside it, so a
 * client can tell refusals apart without reading the text.
 */
export const REFUSALS = {
  'access.no-relationship': {
    en: 'You have no relationship to this citizen (coordinator, team member, responsible for an intervention, a pending referral to your unit or a meeting you are invited to).',
    da: 'Du har ingen relation til denne borger (koordinator, teammedlem, ansvarlig for en indsats, en afventende henvisning til din enhed eller et møde, du er inviteret til).',
  },
  'plan.citizen-comments': {
    en: 'Your part of the plan is your goal in your own words, your own steps and your comments; the rest is changed by the professionals.',
    da: 'Din del af planen er dit mål med dine egne ord, dine egne skridt og dine kommentarer. Resten ændrer fagpersonerne.',
  },
  'decision.own-unit-drafts': {
    en: 'Only a professional of the deciding unit, who works with the citizen, drafts its decisions.',
    da: 'Kun en fagperson i den enhed, der træffer afgørelsen, og som arbejder med borgeren, kan skrive udkastet.',
  },
  'decision.own-unit-acts': {
    en: 'Only a professional of the deciding unit, who works with the citizen, records the steps of its decision.',
    da: 'Kun en fagperson i den enhed, der træffer afgørelsen, og som arbejder med borgeren, kan registrere trinene i afgørelsen.',
  },
  'decision.letters': {
    en: 'The letters of a decision are for the citizen and those who work with her on it.',
    da: 'Brevene i en afgørelse er til borgeren og dem, der arbejder med hende om den.',
  },
  'team.relationship': {
    en: 'Only a professional who works with the citizen puts her case before the team.',
    da: 'Kun en fagperson, der arbejder med borgeren, kan sætte hendes sag på teamets liste.',
  },
  'team.own-team': {
    en: 'A team meeting is for the professionals of the unit that holds it.',
    da: 'Et teammøde er for fagpersonerne i den enhed, der holder det.',
  },
  'team.own-team-recommends': {
    en: 'Only the team that holds the meeting gives its recommendation.',
    da: 'Kun det team, der holder mødet, kan give sin indstilling.',
  },
  'decision.citizen-answers': {
    en: 'Only the citizen herself answers a hearing on her case.',
    da: 'Kun borgeren selv kan svare i en partshøring om sin sag.',
  },
  'meeting.citizen-prepares': {
    en: 'Only the citizen herself prepares for her meeting.',
    da: 'Kun borgeren selv forbereder sig til sit møde.',
  },
  'plan.relative-reads': {
    en: 'A power of attorney lets you read the plan. Only the citizen writes her own part of it.',
    da: 'En fuldmagt giver dig lov til at læse planen. Kun borgeren selv skriver sin egen del af den.',
  },
  'plan.citizen-own-part': {
    en: "This is the citizen's own part of the plan; only the citizen writes it.",
    da: 'Det er borgerens egen del af planen. Kun borgeren selv skriver den.',
  },
  'plan.meeting-reads': {
    en: 'A meeting invitation lets you read the plan, not change it.',
    da: 'En mødeinvitation giver dig lov til at læse planen, men ikke til at ændre den.',
  },
  'plan.break-glass-proposes': {
    en: 'Break-the-glass lets you read the plan and propose a change, not change it.',
    da: 'Nødadgang giver dig lov til at læse planen og foreslå en ændring, men ikke til at ændre den.',
  },
  'plan.referral-own-intervention': {
    en: 'A pending referral lets your unit read the plan, answer the referral and add its own intervention.',
    da: 'En afventende henvisning giver din enhed lov til at læse planen, besvare henvisningen og tilføje sin egen indsats.',
  },
  'plan.professionals-only': {
    en: 'Only professionals change plans.',
    da: 'Kun fagpersoner kan ændre planer.',
  },
  'plan.other-unit-owns': {
    en: 'Another unit owns this intervention: propose the change instead.',
    da: 'Indsatsen hører til en anden enhed: foreslå ændringen i stedet.',
  },
  'plan.own-unit-owns': {
    en: 'Your unit owns this intervention: change it directly.',
    da: 'Indsatsen hører til din enhed: ændr den direkte.',
  },
  'plan.coordinator-hands-over': {
    en: 'The coordinator hands coordination over, or a team leader reassigns it.',
    da: 'Koordinatoren overdrager selv koordineringen, eller en teamleder giver den til en anden.',
  },
  'meeting.citizen-invited': {
    en: 'Meetings are arranged by the professionals; you are invited.',
    da: 'Møder arrangeres af fagpersonerne; du bliver inviteret.',
  },
  'meeting.minutes-involved': {
    en: "A meeting's minutes are for the citizen and those involved in the meeting.",
    da: 'Referatet af et møde er til borgeren og dem, der er med i mødet.',
  },
  'meeting.no-relationship': {
    en: 'Arrange meetings only for a citizen you work with.',
    da: 'Du kan kun arrangere møder for en borger, du arbejder med.',
  },
  'referral.professionals-only': {
    en: 'Only professionals refer citizens.',
    da: 'Kun fagpersoner kan henvise borgere.',
  },
  'referral.no-relationship': {
    en: 'Refer only a citizen you work with; break-the-glass and invitations do not allow it.',
    da: 'Du kan kun henvise en borger, du arbejder med; nødadgang og mødeinvitationer giver ikke lov til det.',
  },
  'cpr.professionals-only': {
    en: 'The full CPR number is revealed only to professionals.',
    da: 'Det fulde CPR-nummer vises kun for fagpersoner.',
  },
  'export.cpr-reason': {
    en: 'Say why the export needs the full CPR number (at least 10 characters).',
    da: 'Skriv, hvorfor eksporten skal have det fulde CPR-nummer med (mindst 10 tegn).',
  },
  'delegation.citizen-grants': {
    en: 'Only the citizen can grant delegated access.',
    da: 'Kun borgeren selv kan give en fuldmagt.',
  },
  'delegation.citizen-revokes': {
    en: 'Only the citizen can revoke delegated access.',
    da: 'Kun borgeren selv kan tilbagekalde en fuldmagt.',
  },
  'access-log.citizens-own': {
    en: 'The access log is the citizen’s own; supervisors search the audit trail.',
    da: 'Oversigten over, hvem der har set oplysningerne, er borgerens egen; teamledere og administratorer søger i loggen.',
  },
  'measure.citizen-own-answers': {
    en: 'You can record answers only as the citizen yourself.',
    da: 'Du kan kun registrere dine egne svar som borger.',
  },
  'measure.relative-own-answers': {
    en: 'You can record answers only as the relative yourself.',
    da: 'Du kan kun registrere dine egne svar som pårørende.',
  },
  'measure.no-relationship': {
    en: 'Record measures only for a citizen you work with.',
    da: 'Du kan kun registrere målinger for en borger, du arbejder med.',
  },
  'calendar.own-feed': {
    en: 'A calendar link shows your own meetings and appointments; you make it for yourself only.',
    da: 'Et kalenderlink viser dine egne møder og aftaler. Du kan kun lave det til dig selv.',
  },
  'calendar.citizen-herself': {
    en: 'Only the citizen herself makes a calendar link to her appointments; a power of attorney lets you read them in Samspil.',
    da: 'Kun borgeren selv kan lave et kalenderlink til sine aftaler. Med en fuldmagt kan du se dem i Samspil.',
  },
  'reminders.citizens-own': {
    en: "The citizen's reminders are hers; professionals find their own in their inbox.",
    da: 'Borgerens påmindelser er hendes egne. Fagpersoner finder deres egne i indbakken.',
  },
  'survey.other-unit': {
    en: 'This survey belongs to another unit; its team leader reads it.',
    da: 'Målingen hører til en anden enhed; det er dens teamleder, der kan se den.',
  },
  'survey.team-leaders': {
    en: 'Collaboration and quality surveys are for team leaders.',
    da: 'Samarbejds- og kvalitetsmålinger er for teamledere.',
  },
  'instrument.administrator': {
    en: 'Only the administrator loads licensed instruments.',
    da: 'Kun administratoren kan indlæse licenserede måleredskaber.',
  },
  'analytics.supervisors': {
    en: 'Management figures are for team leaders and the administrator.',
    da: 'Ledelsestal er for teamledere og administratoren.',
  },
  'analytics.import-administrator': {
    en: 'Only the administrator imports cost files.',
    da: 'Kun administratoren kan indlæse filer med udgifter.',
  },
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
  'reporting-objection.no-relationship': {
    en: 'Record an objection to management figures only for a citizen you work with.',
    da: 'Du kan kun registrere en indsigelse mod ledelsestal for en borger, du arbejder med.',
  },
  'reporting-objection.citizens-own': {
    en: 'The citizen set this objection herself: only she can take it back.',
    da: 'Borgeren har selv gjort indsigelsen: kun hun kan tage den tilbage.',
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
  'pathway-template.professionals': {
    en: 'Pathway templates are for the municipality’s professionals.',
    da: 'Forløbsskabeloner er for kommunens fagpersoner.',
  },
  'pathway-template.supervisors': {
    en: 'Team leaders and the administrator copy, change and publish pathway templates.',
    da: 'Teamledere og administratoren kopierer, ændrer og udgiver forløbsskabeloner.',
  },
  'settings.administrator': {
    en: 'Municipality-wide settings are changed by an administrator.',
    da: 'Indstillinger for hele kommunen ændres af en administrator.',
  },
} as const satisfies Record<string, { en: string; da: string }>;

export type RefusalCode = keyof typeof REFUSALS;

/** A refusal of the policy: the reason in English (logs, tests) and the code the server translates. */
export type Refusal = { allowed: false; reason: string; code: RefusalCode };

/** A refusal of the policy: its code and its English text as the reason. */
export function refusal(code: RefusalCode): Refusal {
  return { allowed: false, reason: REFUSALS[code].en, code };
}
