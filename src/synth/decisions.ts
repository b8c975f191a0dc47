import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { formatDay, formatTimestamp } from './dates.js';
import type { IdSource } from './ids.js';
import type { SynthProfessional } from './organisation.js';

/**
 * The demo citizen's preliminary decision in hearing: the jobcenter intends to end her mentor
 * support, and asks what she thinks before it decides (issue 11, item 6). Synthetic.
 */
export async function writeDemoDecision(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  caseworker: SynthProfessional,
  ids: IdSource,
  today: number,
): Promise<void> {
  await db
    .insertInto('decision')
    .values({
      municipality_id: municipalityId,
      id: ids.next(),
      citizen_id: citizenId,
      unit_id: caseworker.unitId,
      title: 'Mentorstøtte efter januar',
      proposal:
        'Jobcentret vil stoppe din mentorstøtte ved udgangen af januar. Praktikken går godt, og du har sagt, at du klarer mere selv.',
      facts:
        'Du har været i praktik på dyrehospitalet 10 timer om ugen siden september. Du har mødt op hver uge. Din mentor har skrevet, at du nu selv tager bussen.',
      legal_basis: 'LAB-47',
      negative: true,
      status: 'hearing',
      hearing_until: formatDay(today + 14),
      hearing_sent_at: formatTimestamp(today - 1, 14 * 60),
      created_by: caseworker.id,
      created_at: formatTimestamp(today - 1, 14 * 60),
    })
    .execute();
}
