import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Actor, decideSurveyInvitationIssue } from '../../domain/access/policy.js';
import { RC_QUESTIONS } from '../../domain/measures/rc-questionnaire.js';
import { surveyLinksIssuedAfter } from '../../domain/measures/survey-links.js';
import { RC_DIMENSIONS, type RcAnswer } from '../../domain/measures/relational-coordination.js';
import {
  answerThroughInvitation,
  findInvitation,
  type InvitationKey,
  insertInvitations,
  invitationCounts,
} from '../../db/queries/survey-invitations.queries.js';
import { type CollaborationSurvey, collaborationSurveys } from '../../db/queries/surveys.queries.js';
import type { AppContext } from '../context.js';
import { type FieldError, Problem, problems, refusedProblem } from '../problem.js';
import type {
  invitationCountsSchema,
  invitationsIssuedSchema,
  invitationViewSchema,
} from '../../domain/measures/surveys.responses.js';
import type { invitationAnswerSchema, invitationIssueSchema } from './surveys.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/**
 * Single-use invitation links to a collaboration survey round (decision 0012). A team leader
 * issues links for a round and a work group and sees them once; a respondent opens one without
 * a login, rates every group and the link is used up in the same transaction. Only a token's
 * SHA-256 is stored, and the used link's row is deleted with that transaction, so nothing joins
 * an answer to the link it came through.
 */

/** The public page a link opens (the web app's route). */
export const ANSWER_PAGE = '/svar/';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: 43 characters, 256 bits no one guesses. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The one answer for a link that is not usable. A used link's row is gone, so the server
 * cannot tell a used link from one that never existed, and says so; an expired one is answered
 * the same way, so the answer tells a guesser nothing.
 */
export function unusableLink(): Problem {
  const problem = new Problem(
    404,
    'Link not usable',
    'This survey link has been used, has expired or does not exist. Each link can be used once.',
  );
  problem.type = 'urn:samspil:problem:survey-link-unusable';
  return problem;
}

async function issuableSurvey(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<CollaborationSurvey> {
  const [survey] = await collaborationSurveys(context.database.db, actor.municipalityId, { id });
  if (!survey) throw problems.notFound('The survey');
  const decision = decideSurveyInvitationIssue(actor, survey);
  if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
  return survey;
}

/** New links for a round and group, returned this once; audited (counts, never a link). */
export async function issueInvitations(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
  round: string,
  body: z.infer<typeof invitationIssueSchema>,
): Promise<z.infer<typeof invitationsIssuedSchema>> {
  const survey = await issuableSurvey(context, request, actor, id);
  if (!survey.groups.includes(body.group))
    throw problems.field('group', `must be one of the survey's groups: ${survey.groups.join(', ')}`);
  const tokens = Array.from({ length: body.count }, newToken);
  await insertInvitations(
    context.database.db,
    { municipalityId: actor.municipalityId, surveyId: id, round, group: body.group },
    tokens.map(tokenHash),
    context.clock(),
  );
  await context.audit.record({
    actor,
    citizenId: null,
    action: 'create',
    resource: 'survey-invitation',
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { surveyId: id, round, group: body.group, count: body.count },
  });
  const base = context.config.publicUrl.replace(/\/+$/, '');
  return { round, group: body.group, links: tokens.map((token) => `${base}${ANSWER_PAGE}${token}`) };
}

/** Issued and used per round and group: counts only, never a link. */
export async function readInvitationCounts(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof invitationCountsSchema>> {
  const survey = await issuableSurvey(context, request, actor, id);
  const counts = await invitationCounts(context.database.db, actor.municipalityId, id);
  const order = (group: string) => survey.groups.indexOf(group);
  const rounds = [...new Set(counts.map((count) => count.round))];
  return {
    items: counts
      .sort((a, b) => rounds.indexOf(a.round) - rounds.indexOf(b.round) || order(a.group) - order(b.group))
      .map(({ round, group, issued, used }) => ({ round, group, issued, used })),
  };
}

/** The unused link's survey and group, or the one refusal for every other token. */
async function usableLink(
  context: AppContext,
  token: string,
): Promise<{ hash: string; key: InvitationKey; survey: CollaborationSurvey }> {
  if (!TOKEN.test(token)) throw unusableLink();
  const hash = tokenHash(token);
  const key = await findInvitation(context.database.db, hash, surveyLinksIssuedAfter(context.clock()));
  if (!key) throw unusableLink();
  const [survey] = await collaborationSurveys(context.database.db, key.municipalityId, { id: key.surveyId });
  if (!survey) throw unusableLink();
  return { hash, key, survey };
}

/** What the respondent answers: the survey's title, the groups, the seven questions. */
export async function readInvitation(
  context: AppContext,
  token: string,
): Promise<z.infer<typeof invitationViewSchema>> {
  const { key, survey } = await usableLink(context, token);
  return { title: survey.title, group: key.group, groups: survey.groups, questions: RC_QUESTIONS };
}

/**
 * Stores the answers of a link's respondent, under a fresh random respondent key (never derived
 * from the token), and uses up the link, in one transaction. Every group must be rated once, on
 * all seven dimensions; a wrong answer is a 400 naming it, and the link stays usable.
 */
export async function answerInvitation(
  context: AppContext,
  token: string,
  body: z.infer<typeof invitationAnswerSchema>,
): Promise<void> {
  const { hash, key, survey } = await usableLink(context, token);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.answers.forEach((answer, index) => {
    if (!survey.groups.includes(answer.group))
      errors.push({
        field: `answers.${index}.group`,
        message: `must be one of the survey's groups: ${survey.groups.join(', ')}`,
      });
    else if (seen.has(answer.group))
      errors.push({ field: `answers.${index}.group`, message: `rates ${answer.group} a second time` });
    seen.add(answer.group);
  });
  const missing = survey.groups.filter((group) => !seen.has(group));
  if (missing.length > 0)
    errors.push({ field: 'answers', message: `must rate every group; missing: ${missing.join(', ')}` });
  if (errors.length > 0)
    throw problems.badRequest(errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);
  const respondent = randomBytes(16).toString('base64url');
  const answers: RcAnswer[] = body.answers.map((answer) => ({
    respondent,
    group: key.group,
    aboutGroup: answer.group,
    ...(Object.fromEntries(RC_DIMENSIONS.map((d) => [d.key, answer[d.key]])) as Record<
      (typeof RC_DIMENSIONS)[number]['key'],
      number
    >),
  }));
  if (!(await answerThroughInvitation(context.database.db, hash, key, answers))) throw unusableLink();
}
