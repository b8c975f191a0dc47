import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTION_TEXTS,
  AUDIT_ACTIONS,
  describeVisit,
  genitive,
  partText,
  RESOURCE_TEXTS,
  resourceKind,
} from './audit-text.js';

const SERVER = join(import.meta.dirname, '..', '..', 'server');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The resource kinds the server writes to the audit trail, read from its source: every
 * `resource: '…'` and `` resource: `…:${id}` `` literal, the analytics and survey resources, and
 * the plan's entity kinds (a plan change is recorded as "<entity>:<id>").
 */
function recordedKinds(): string[] {
  const kinds = new Set<string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/resource: *['`]([a-zA-Z_-]+)/g)) kinds.add(match[1] ?? '');
    for (const match of text.matchAll(/['`](analytics:[a-z-]+)['`]/g))
      kinds.add(resourceKind(match[1] ?? ''));
    for (const match of text.matchAll(/`referrals-\$\{/g))
      if (match) kinds.add('referrals-incoming').add('referrals-outgoing');
    for (const match of text.matchAll(/type SurveyResource = ([^;]+);/g))
      for (const literal of (match[1] ?? '').matchAll(/'([a-z-]+)'/g)) kinds.add(literal[1] ?? '');
    for (const match of text.matchAll(/entity: '([a-z_]+)'/g)) kinds.add(match[1] ?? '');
  }
  kinds.delete('');
  kinds.delete('referrals-');
  return [...kinds].sort();
}

function recordedActions(): string[] {
  const actions = new Set<string>();
  for (const file of sources(SERVER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z-]+)'/g))
      actions.add(match[1] ?? '');
  }
  return [...actions].sort();
}

describe('the audit trail in words', () => {
  it('has a Danish and an English text for every resource kind the server records', () => {
    const kinds = recordedKinds();
    // The scan finds the kinds (so this test can fail): the common ones at least.
    expect(kinds).toEqual(expect.arrayContaining(['plan', 'plan_history', 'unit-overview', 'flag', 'goal']));
    const missing = kinds.filter((kind) => !Object.hasOwn(RESOURCE_TEXTS, kind));
    expect(missing, 'add these to RESOURCE_TEXTS in src/domain/audit/audit-text.ts').toEqual([]);
    for (const [kind, text] of Object.entries(RESOURCE_TEXTS)) {
      for (const value of [text.what.da, text.what.en, text.part.da, text.part.en])
        expect(value.trim(), kind).not.toBe('');
      expect(text.what.da, kind).not.toBe(kind);
    }
  });

  it('has a Danish and an English verb for every action', () => {
    const unknown = recordedActions().filter(
      (action) => !(AUDIT_ACTIONS as readonly string[]).includes(action),
    );
    // `action: '…'` also names plan acts and referral steps; those that are not audit actions are listed here.
    const notAudit = [
      'propose-change',
      'accept',
      'decline',
      'start',
      'complete',
      'edit',
      'comment',
      'answer',
    ];
    expect(unknown.filter((action) => !notAudit.includes(action))).toEqual([]);
    for (const action of AUDIT_ACTIONS) {
      expect(ACTION_TEXTS[action].da.trim()).not.toBe('');
      expect(ACTION_TEXTS[action].en.trim()).not.toBe('');
    }
  });

  it('says a plan visit with the citizen’s name, and the unit overview with the unit', () => {
    const visit = { action: 'read', outcome: 'allowed', unitName: null, inList: false } as const;
    expect(describeVisit({ ...visit, kind: 'plan', citizenName: 'Sara Eksempelsen' })).toEqual({
      da: 'Så Sara Eksempelsens plan',
      en: 'Saw Sara Eksempelsen’s plan',
    });
    expect(
      describeVisit({
        ...visit,
        action: 'list',
        kind: 'unit-overview',
        citizenName: null,
        unitName: 'Jobcenter',
      }),
    ).toEqual({
      da: 'Så enhedens overblik over Jobcenter',
      en: 'Saw the unit overview of Jobcenter',
    });
    expect(describeVisit({ ...visit, kind: 'plan_history', citizenName: null }).da).toBe(
      'Så en borgers planhistorik',
    );
    expect(
      describeVisit({ ...visit, action: 'list', kind: 'my-day', citizenName: 'Bo Hansen', inList: true }).da,
    ).toBe('Så Bo Hansen på Mit overblik');
    expect(describeVisit({ ...visit, kind: 'plan', citizenName: 'Bo Hansen', outcome: 'denied' }).en).toBe(
      'Saw Bo Hansen’s plan – refused',
    );
    expect(describeVisit({ ...visit, action: 'login', kind: 'session', citizenName: null }).da).toBe(
      'Loggede ind',
    );
    // No developer words.
    const said = describeVisit({
      ...visit,
      action: 'list',
      kind: 'coordination-overview',
      citizenName: null,
    });
    expect(said.da).toBe('Så koordineringsoverblikket');
    expect(said.da).not.toMatch(/coordination-overview|Listet/);
  });

  it('forms the genitive of names in both languages', () => {
    expect(genitive('Sara', 'da')).toBe('Saras');
    expect(genitive('Lars', 'da')).toBe('Lars’');
    expect(genitive('Lars', 'en')).toBe('Lars’');
    expect(genitive('Sara', 'en')).toBe('Sara’s');
  });

  it('names the parts a visit saw, by kind without ids', () => {
    expect(resourceKind('flag:0199')).toBe('flag');
    expect(resourceKind('plan,cpr')).toBe('plan');
    expect(resourceKind('analytics:cost-table')).toBe('analytics');
    expect(partText('plan_history')).toEqual({ da: 'historik', en: 'history' });
  });
});
