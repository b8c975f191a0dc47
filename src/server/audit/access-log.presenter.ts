import type { z } from 'zod';
import type { accessLogEntrySchema } from '../../domain/access/access.responses.js';
import type { AccessLogRow } from '../../db/queries/access-log.queries.js';
import { citizenPdfTexts } from '../plan-pdf/plan-pdf.texts.js';

export { accessLogEntrySchema } from '../../domain/access/access.responses.js';

/** An entry as the citizen's export carries it: the access log's, without the break-the-glass mark. */
export type AccessLogEntry = Omit<z.infer<typeof accessLogEntrySchema>, 'breakGlass' | 'review'>;

/** The kind of a resource code, without ids: "flag:…" → "flag", "plan,cpr" → "plan". */
function kindOf(resource: string): string {
  return resource.split(/[:,]/, 1)[0] ?? resource;
}

const SEEN: Record<string, { da: string; en: string }> = {
  plan: { da: 'din plan', en: 'your plan' },
  plan_history: { da: 'planens historik', en: 'the plan’s history' },
  flags: { da: 'koordineringen af din plan', en: 'the coordination of your plan' },
  meetings: { da: 'dine møder', en: 'your meetings' },
  consent: { da: 'dine samtykker', en: 'your consents' },
  delegation: { da: 'dine fuldmagter', en: 'your powers of attorney' },
  cpr: { da: 'dit fulde CPR-nummer', en: 'your full CPR number' },
  referral: { da: 'en henvisning', en: 'a referral' },
  referrals: { da: 'dine henvisninger', en: 'your referrals' },
  goal: { da: 'dit mål', en: 'your goal' },
  sub_goal: { da: 'et delmål i din plan', en: 'a sub-goal in your plan' },
  intervention: { da: 'en indsats i din plan', en: 'an intervention in your plan' },
  team_member: { da: 'dit team', en: 'your team' },
  pathway: { da: 'et forløb i din plan', en: 'a pathway in your plan' },
  meeting: { da: 'et møde', en: 'a meeting' },
  flag: { da: 'koordineringen af din plan', en: 'the coordination of your plan' },
};

/** The PDF's own words for a PDF download, or null when the visit was not one. */
function pdfReadKey(parts: string[]): 'citizenPlanPdfRead' | 'citizenExportPdfRead' | null {
  if (parts.includes('plan_pdf')) return 'citizenPlanPdfRead';
  return parts.includes('export_pdf') ? 'citizenExportPdfRead' : null;
}

/** The entry in words, in both languages (the web app has its own, richer texts). */
function describe(row: AccessLogRow, parts: string[]): { da: string; en: string } {
  if (row.in_list) {
    const unit = row.unit_name;
    return kindOf(row.resource) === 'audit'
      ? { da: 'Så dig i en søgning i logningen', en: 'Saw you in a search of the audit trail' }
      : {
          da: unit ? `Så dig på en liste over borgere i ${unit}` : 'Så dig på en liste over borgere',
          en: unit ? `Saw you in a list of citizens in ${unit}` : 'Saw you in a list of citizens',
        };
  }
  // A PDF download is its own visit (a plain link): said as such, in the PDF's own words.
  const pdf = pdfReadKey(parts);
  if (pdf) return { da: citizenPdfTexts.da[pdf], en: citizenPdfTexts.en[pdf] };
  const seen = parts.map((part) => SEEN[part] ?? { da: 'dine oplysninger', en: 'your data' });
  const da = [...new Set(seen.map((item) => item.da))];
  const en = [...new Set(seen.map((item) => item.en))];
  const join = (items: string[], and: string): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
  const verb: Record<string, [string, string]> = {
    read: ['Så', 'Saw'],
    reveal: ['Så', 'Saw'],
    search: ['Søgte dig frem:', 'Looked you up:'],
    create: ['Oprettede', 'Created'],
    update: ['Ændrede', 'Changed'],
    end: ['Afsluttede', 'Ended'],
    export: ['Hentede en kopi af', 'Downloaded a copy of'],
    'break-glass': ['Brød glasset for at se', 'Broke the glass to see'],
  };
  const [vda, ven] = verb[row.action] ?? ['Arbejdede med', 'Worked with'];
  return { da: `${vda} ${join(da, 'og')}`, en: `${ven} ${join(en, 'and')}` };
}

/**
 * An access log entry as the citizen sees it: what was looked at (the resource's kind, not its
 * ids) — one page visit as one entry, with every part it looked at — by which role and unit, and
 * why; a professional's name only where the municipality shows names. A list read that showed
 * the citizen says so.
 */
export function presentAccessLogEntry(row: AccessLogRow, showsNames: boolean): AccessLogEntry {
  const parts = [...new Set((row.resources.length > 0 ? row.resources : [row.resource]).map(kindOf))];
  return {
    at: row.at.toISOString(),
    action: row.action,
    what: parts.includes('plan') ? 'plan' : kindOf(row.resource),
    parts,
    inList: row.in_list,
    description: describe(row, parts),
    who: {
      role: row.actor_role,
      unit: row.unit_name,
      name: showsNames && row.actor_kind === 'professional' ? row.professional_name : null,
    },
    why: row.purpose,
    outcome: row.outcome as AccessLogEntry['outcome'],
  };
}
