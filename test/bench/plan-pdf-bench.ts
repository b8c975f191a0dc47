import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export interface PlanPdfFigures {
  /** Median time of the PDF over the median time of the same plan's JSON, in the same run. */
  ratio: number;
  pdfMedianMs: number;
  pdfP95Ms: number;
  jsonMedianMs: number;
  bytes: number;
  interventions: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function timed(url: string, cookie: string, rounds: number): Promise<{ ms: number[]; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    bytes = (await response.arrayBuffer()).byteLength;
    ms.push(performance.now() - started);
  }
  return { ms: ms.sort((a, b) => a - b), bytes };
}

/**
 * The plan PDF (GET …/plan.pdf, made on the server, authorised and audited) for the largest plan
 * the persona can see, one request at a time, as a person clicking "Hent som PDF" makes it. The
 * baseline is the same plan's JSON (GET …/plan) in the same run: the ratio says what drawing the
 * PDF costs on top of reading and presenting the plan. Also reports the file's size.
 */
export async function benchPlanPdf(
  database: Database,
  samspilUrl: string,
  cookie: string,
  visibleCitizenIds: readonly string[],
  line: (label: string, value: string) => void,
  rounds = 20,
): Promise<PlanPdfFigures> {
  if (visibleCitizenIds.length === 0) throw new Error('the persona sees no plans');
  const largest = await sql<{ citizen_id: string; n: number }>`
    SELECT citizen_id, count(*)::int AS n FROM intervention
    WHERE citizen_id = ANY(${sql.val(visibleCitizenIds)}::uuid[])
    GROUP BY citizen_id ORDER BY n DESC, citizen_id LIMIT 1`.execute(database.db);
  const chosen = largest.rows[0];
  if (!chosen) throw new Error('no plan with interventions is visible');
  const base = `${samspilUrl}/api/citizens/${chosen.citizen_id}`;
  // One of each first: the read model and the PDF fonts are warm, as in a working day.
  await timed(`${base}/plan.pdf?lang=da`, cookie, 1);
  await timed(`${base}/plan`, cookie, 1);
  const pdf = await timed(`${base}/plan.pdf?lang=da`, cookie, rounds);
  const json = await timed(`${base}/plan`, cookie, rounds);
  const figures: PlanPdfFigures = {
    ratio: quantile(pdf.ms, 0.5) / quantile(json.ms, 0.5),
    pdfMedianMs: quantile(pdf.ms, 0.5),
    pdfP95Ms: quantile(pdf.ms, 0.95),
    jsonMedianMs: quantile(json.ms, 0.5),
    bytes: pdf.bytes,
    interventions: chosen.n,
  };
  console.log(
    `Plan PDF (largest visible plan: ${chosen.n} interventions, ${rounds} requests each, one at a time)`,
  );
  line('GET …/plan (baseline), median', `${figures.jsonMedianMs.toFixed(1)} ms`);
  line(
    'GET …/plan.pdf, authorised + audited, median · p95',
    `${figures.pdfMedianMs.toFixed(1)} ms · ${figures.pdfP95Ms.toFixed(1)} ms`,
  );
  line('ratio PDF / plan JSON (for reference)', figures.ratio.toFixed(1));
  line('PDF size', `${(figures.bytes / 1024).toFixed(1)} kB`);
  return figures;
}
