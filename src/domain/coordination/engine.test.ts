import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeRules, evaluateCitizen } from './engine.js';
import { citizen, intervention, TODAY } from './fact-builders.js';
import type { CitizenFacts, InterventionFact } from './facts.js';
import { normaliseFacts } from './facts.js';
import { diffFlags, type ExistingFlag } from './flag-diff.js';
import type { OwnedFinding } from './rule.js';
import { WEEKDAYS } from './schedule.js';

const PAIRWISE = new Set(['duplicate', 'collision', 'contradiction']);

describe('the engine', () => {
  it('runs every rule unless the municipality switched it off, with settings over defaults', () => {
    expect(activeRules({}).map((entry) => entry.rule.id)).toContain('gaps');
    const rules = activeRules({
      gaps: { enabled: false, settings: {} },
      stalled: { enabled: true, settings: { followUpsWithoutProgress: 2 } },
    });
    expect(rules.map((entry) => entry.rule.id)).not.toContain('gaps');
    expect(rules.find((entry) => entry.rule.id === 'stalled')?.settings).toEqual({
      monthsToFirstIntervention: 6,
      followUpsWithoutProgress: 2,
    });
  });

  it('gives each finding an owner: the rule’s, else the coordinator, else the responsible', () => {
    const a = intervention({ responsibleId: 'r-a' });
    const b = intervention({ unitId: 'u2', responsibleId: 'r-b' });
    const withCoordinator = evaluateCitizen(citizen({ interventions: [a, b] }), activeRules({}), TODAY);
    expect(withCoordinator.find((finding) => finding.ruleId === 'duplicate')?.ownerId).toBe('coordinator-1');
    const without = evaluateCitizen(
      citizen({ coordinatorId: null, interventions: [a, b] }),
      activeRules({}),
      TODAY,
    );
    expect(without.find((finding) => finding.ruleId === 'duplicate')?.ownerId).toBe(
      [a, b].sort((x, y) => x.id.localeCompare(y.id))[0]?.responsibleId,
    );
  });
});

describe('the flag diff', () => {
  const finding = (fingerprint: string): OwnedFinding & { citizenId: string } => ({
    citizenId: 'c1',
    ruleId: 'duplicate',
    fingerprint,
    severity: 'high',
    subjectIds: [],
    unitIds: [],
    sectors: [],
    ownerId: null,
    explanation: { da: '', en: '', data: {} },
  });
  const stored = (
    fingerprint: string,
    status: ExistingFlag['status'],
    closedBySystem = false,
    owner: { ownerId: string | null; ownerTaken: boolean } = { ownerId: null, ownerTaken: false },
  ): ExistingFlag => ({
    id: `id-${fingerprint}`,
    citizenId: 'c1',
    fingerprint,
    status,
    closedBySystem,
    ...owner,
  });

  it('opens new problems, resolves vanished ones, reopens what the system closed, and respects people', () => {
    const changes = diffFlags(
      [finding('new'), finding('still'), finding('back'), finding('dismissed'), finding('handled')],
      [
        stored('still', 'acknowledged'),
        stored('gone', 'open'),
        stored('back', 'resolved', true),
        stored('dismissed', 'dismissed'),
        stored('handled', 'resolved'),
      ],
    );
    expect(changes.create.map((item) => item.fingerprint)).toEqual(['new']);
    expect(changes.autoResolve).toEqual(['id-gone']);
    expect(changes.reopen).toEqual(['id-back']);
    expect(changes.reassign).toEqual([]);
  });

  it('moves open flags to the owner the plan now names, unless a person took the flag over', () => {
    const owned = (fingerprint: string) => ({ ...finding(fingerprint), ownerId: 'new-coordinator' });
    const changes = diffFlags(
      [owned('open'), owned('acknowledged'), owned('taken'), owned('closed'), owned('same'), owned('back')],
      [
        stored('open', 'open', false, { ownerId: 'old-coordinator', ownerTaken: false }),
        stored('acknowledged', 'acknowledged', false, { ownerId: null, ownerTaken: false }),
        stored('taken', 'open', false, { ownerId: 'volunteer', ownerTaken: true }),
        stored('closed', 'dismissed', false, { ownerId: 'old-coordinator', ownerTaken: false }),
        stored('same', 'open', false, { ownerId: 'new-coordinator', ownerTaken: false }),
        stored('back', 'resolved', true, { ownerId: 'old-coordinator', ownerTaken: false }),
      ],
    );
    expect(changes.reassign).toEqual([
      { id: 'id-open', ownerId: 'new-coordinator' },
      { id: 'id-acknowledged', ownerId: 'new-coordinator' },
      { id: 'id-back', ownerId: 'new-coordinator' },
    ]);
  });
});

// --- properties -------------------------------------------------------------------------

const day = fc.integer({ min: 0, max: 700 }).map((offset) => {
  const date = new Date(Date.UTC(2025, 6, 1) + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
});
const slot = fc
  .record({
    day: fc.constantFrom(...WEEKDAYS),
    from: fc.integer({ min: 6, max: 16 }),
    length: fc.integer({ min: 1, max: 6 }),
    homeVisit: fc.boolean(),
  })
  .map(({ day: weekday, from, length, homeVisit }) => ({
    day: weekday,
    from: `${String(from).padStart(2, '0')}:00`,
    to: `${String(Math.min(23, from + length)).padStart(2, '0')}:00`,
    homeVisit,
  }));
const interventionFact: fc.Arbitrary<InterventionFact> = fc
  .record({
    typeId: fc.constantFrom('t1', 't2', 't3'),
    category: fc.constantFrom('job', 'disability-pension-prep', 'coordination', 'education', 'health'),
    sector: fc.constantFrom('employment', 'social-adult', 'health-care'),
    unitId: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
    status: fc.constantFrom('planned', 'active', 'paused') as fc.Arbitrary<InterventionFact['status']>,
    startDate: day,
    length: fc.option(fc.integer({ min: 0, max: 400 })),
    followUpDate: fc.option(day),
    pyramidLevel: fc.integer({ min: 1, max: 5 }),
    businessDirected: fc.boolean(),
    schedule: fc.option(fc.array(slot, { minLength: 1, maxLength: 6 })),
    linked: fc.boolean(),
  })
  .map((value) => {
    const { length, linked, ...rest } = value;
    const end =
      length === null ? null : new Date(Date.parse(`${value.startDate}T00:00:00Z`) + length * 86_400_000);
    return intervention({
      ...rest,
      endDate: end ? end.toISOString().slice(0, 10) : null,
      subGoalIds: linked ? ['goal-1'] : [],
    });
  });
const facts: fc.Arbitrary<CitizenFacts> = fc
  .record({
    interventions: fc.array(interventionFact, { maxLength: 8 }),
    hasOwnGoal: fc.boolean(),
    coordinator: fc.boolean(),
    network: fc.boolean(),
    gas: fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 5 }),
  })
  .map((value) =>
    citizen({
      interventions: value.interventions,
      hasOwnGoal: value.hasOwnGoal,
      coordinatorId: value.coordinator ? 'coordinator-1' : null,
      hasNetworkSupport: value.network,
      subGoals: [{ id: 'goal-1', title: 'Mål', gasHistory: value.gas }],
    }),
  );

const fingerprints = (input: CitizenFacts): string[] =>
  evaluateCitizen(input, activeRules({}), TODAY)
    .map((finding) => finding.fingerprint)
    .sort();

describe('properties', () => {
  it('a pairwise rule never flags a single intervention', () => {
    fc.assert(
      fc.property(interventionFact, (item) => {
        const findings = evaluateCitizen(citizen({ interventions: [item] }), activeRules({}), TODAY);
        return findings.every((finding) => !PAIRWISE.has(finding.ruleId));
      }),
    );
  });

  it('the findings do not depend on the order the facts were read in', () => {
    fc.assert(
      fc.property(facts, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (input, noise) => {
        const shuffled = {
          ...input,
          interventions: [...input.interventions].sort(() => (noise.next().value as number) - 0.5),
        };
        expect(fingerprints(shuffled)).toEqual(fingerprints(input));
        expect(fingerprints(normaliseFacts(shuffled))).toEqual(fingerprints(input));
      }),
    );
  });

  it('every finding of a pairwise rule names at least two subjects, and fingerprints are stable', () => {
    fc.assert(
      fc.property(facts, (input) => {
        const findings = evaluateCitizen(input, activeRules({}), TODAY);
        for (const finding of findings)
          if (PAIRWISE.has(finding.ruleId)) expect(finding.subjectIds.length).toBeGreaterThanOrEqual(2);
        expect(fingerprints(input)).toEqual(fingerprints(structuredClone(input)));
      }),
    );
  });

  it('applying a check and checking again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 4 }), (citizens) => {
        const all = citizens.flatMap((input, index) =>
          evaluateCitizen({ ...input, citizenId: `c${index}` }, activeRules({}), TODAY).map((finding) => ({
            ...finding,
            citizenId: `c${index}`,
          })),
        );
        const first = diffFlags(all, []);
        const store: ExistingFlag[] = first.create.map((finding, index) => ({
          id: `f${index}`,
          citizenId: finding.citizenId,
          fingerprint: finding.fingerprint,
          status: 'open',
          closedBySystem: false,
          ownerId: finding.ownerId,
          ownerTaken: false,
        }));
        const second = diffFlags([...all].reverse(), store);
        expect(second).toEqual({ create: [], reopen: [], autoResolve: [], reassign: [] });
      }),
    );
  });
});
