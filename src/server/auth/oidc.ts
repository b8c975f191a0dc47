import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../config.js';
import { normaliseCpr } from '../../domain/citizen/cpr.js';
import {
  citizensByCprHmac,
  deleteExpiredLoginAttempts,
  identityLinkOf,
  insertCitizenIdentityLink,
  insertLoginAttempt,
  insertProfessionalIdentityLink,
  takeLoginAttempt,
} from '../../db/queries/auth.queries.js';
import type { DB } from '../../db/schema.js';
import type { CprVault } from '../../security/cpr-vault.js';
import { relativeSubject } from './delegations.js';
import type { SessionSubject } from './session-store.js';
import { isLoopbackUrl } from '../../config.js';

export type ProviderKind = 'professional' | 'citizen';

/** What a completed login proves, and where the browser goes next. */
export type LoginResult = SessionSubject & { acr: string; authTime: Date; returnTo: string | null };

/** A page inside Samspil to return to after login: a same-origin path, never another site. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 500) return null;
  if (!/^\/(?![/\\])[A-Za-z0-9\-._~/%?=&#+]*$/.test(value)) return null;
  if (value.startsWith('/api/')) return null;
  return value;
}

/** NSIS assurance levels, lowest first. */
const ASSURANCE_ORDER = ['low', 'substantial', 'high'] as const;
type Assurance = (typeof ASSURANCE_ORDER)[number];

/**
 * Reads an NSIS assurance level from an `acr` claim: brokers send URIs such as
 * https://data.gov.dk/concept/core/nsis/loa/Substantial; the last segment names the level.
 */
export function assuranceOf(acr: unknown): Assurance | null {
  if (typeof acr !== 'string') return null;
  const last = acr.split(/[/:#]/).pop()?.toLowerCase() ?? '';
  return (ASSURANCE_ORDER as readonly string[]).includes(last) ? (last as Assurance) : null;
}

/** Whether an assurance level meets a minimum. */
export function meetsAssurance(level: Assurance | null, minimum: Assurance): boolean {
  return level !== null && ASSURANCE_ORDER.indexOf(level) >= ASSURANCE_ORDER.indexOf(minimum);
}

/** The NSIS acr values at or above a minimum, as Danish brokers name them. */
export function acrValuesFrom(minimum: Assurance): string {
  return ASSURANCE_ORDER.slice(ASSURANCE_ORDER.indexOf(minimum))
    .map((level) => `https://data.gov.dk/concept/core/nsis/loa/${level[0]?.toUpperCase()}${level.slice(1)}`)
    .join(' ');
}

/** Why a login was refused; the code is shown to the user on the login page. */
export class LoginRefused extends Error {
  constructor(
    readonly code: 'state' | 'assurance' | 'unknown-user' | 'ambiguous' | 'provider',
    message: string,
  ) {
    super(message);
  }
}

const ATTEMPT_MINUTES = 10;

function hashState(state: string): Buffer {
  return createHash('sha256').update(state).digest();
}

function isLoopbackHttp(url: string): boolean {
  return new URL(url).protocol === 'http:' && isLoopbackUrl(url);
}

/**
 * OpenID Connect relying party for one provider: authorization code flow with PKCE, state and
 * nonce; users identified by (issuer, subject); the assurance level checked against a minimum.
 */
export class OidcLogin {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    readonly kind: ProviderKind,
    private readonly settings: OidcProviderConfig,
    private readonly redirectUri: string,
    private readonly db: Kysely<DB>,
    private readonly vault: CprVault,
    /** A step-up login asks the provider for an authentication at most this old (max_age). */
    private readonly stepUpMinutes: number = 15,
  ) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        // Plain HTTP only for a provider on this machine (tests, local development).
        isLoopbackHttp(this.settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }

  /** Starts a login: remembers verifier and nonce under the state, returns where to send the browser. */
  async start(options: { stepUp?: boolean; returnTo?: string | null } = {}): Promise<{
    url: string;
    state: string;
  }> {
    const config = await this.config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await insertLoginAttempt(this.db, {
      state_hash: hashState(state),
      provider: this.kind,
      code_verifier: codeVerifier,
      nonce,
      expires_at: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
      step_up: options.stepUp ?? false,
      return_to: safeReturnPath(options.returnTo),
    });
    await deleteExpiredLoginAttempts(this.db, new Date());
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Ask for the minimum assurance or better; the answer is still checked on return.
      acr_values: acrValuesFrom(this.settings.minimumAssurance),
      // Step-up: authenticate again now, not by the provider's single sign-on session.
      ...(options.stepUp ? { prompt: 'login', max_age: String(this.stepUpMinutes * 60) } : {}),
    });
    return { url: url.href, state };
  }

  /** Completes a login from the callback URL; returns the session subject it proves. */
  async finish(callbackUrl: URL, expectedState: string): Promise<LoginResult> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || state !== expectedState)
      throw new LoginRefused('state', 'The login did not start in this browser.');
    const attempt = await takeLoginAttempt(this.db, hashState(state), this.kind);
    if (!attempt || attempt.expires_at.getTime() < Date.now()) {
      throw new LoginRefused('state', 'The login expired or was already used; start again.');
    }
    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
        // A step-up login must carry an auth_time within max_age (checked by openid-client).
        ...(attempt.step_up ? { maxAge: this.stepUpMinutes * 60 } : {}),
      });
    } catch (error) {
      throw new LoginRefused(
        'provider',
        `The identity provider's answer was refused: ${(error as Error).message}`,
      );
    }
    const claims = tokens.claims();
    if (!claims) throw new LoginRefused('provider', 'No ID token.');
    const issuer = claims.iss;
    const subject = claims.sub;
    const assurance = assuranceOf(claims.acr);
    if (!meetsAssurance(assurance, this.settings.minimumAssurance)) {
      throw new LoginRefused(
        'assurance',
        `The login's assurance level is below ${this.settings.minimumAssurance}.`,
      );
    }
    const acr = String(claims.acr);
    const method = `oidc-${this.kind}`;
    // When the user authenticated at the provider (its single sign-on may be older than now).
    const authTime =
      typeof claims.auth_time === 'number' && claims.auth_time * 1000 <= Date.now() + 60_000
        ? new Date(claims.auth_time * 1000)
        : new Date();
    const returnTo = attempt.return_to;
    const linked = await identityLinkOf(this.db, issuer, subject);
    if (linked) {
      if (linked.subject_kind !== this.kind)
        throw new LoginRefused('unknown-user', 'This identity belongs to the other login.');
      return {
        municipalityId: linked.municipality_id,
        kind: this.kind,
        id: linked.subject_id,
        persona: null,
        method,
        acr,
        authTime,
        returnTo,
      };
    }
    if (this.kind === 'professional') {
      throw new LoginRefused('unknown-user', 'Your municipality has not given you access to Samspil yet.');
    }
    // A citizen's first login: find them by the HMAC of the broker's CPR claim. The number
    // itself is used for nothing else and never logged.
    let cprClaim = claims[this.settings.cprClaim];
    if (typeof cprClaim !== 'string') {
      const info = await client.fetchUserInfo(config, tokens.access_token, subject);
      cprClaim = info[this.settings.cprClaim];
    }
    const cpr = typeof cprClaim === 'string' ? normaliseCpr(cprClaim) : null;
    if (!cpr) throw new LoginRefused('unknown-user', 'The identity provider did not send a CPR number.');
    const hmac = this.vault.hmac(cpr);
    const citizens = await citizensByCprHmac(this.db, hmac);
    if (citizens.length > 1)
      throw new LoginRefused(
        'ambiguous',
        'You are known in more than one municipality; contact your municipality.',
      );
    const citizen = citizens[0];
    if (citizen) {
      await insertCitizenIdentityLink(this.db, {
        municipalityId: citizen.municipality_id,
        issuer,
        subject,
        citizenId: citizen.id,
      });
      return {
        municipalityId: citizen.municipality_id,
        kind: 'citizen',
        id: citizen.id,
        persona: null,
        method,
        acr,
        authTime,
        returnTo,
      };
    }
    // Not a citizen with a plan: a relative with delegated access (fuldmagt)?
    const relative = await relativeSubject(this.db, hmac, {
      persona: null,
      method: `${method}-relative`,
      acr,
      authTime,
    });
    if (!relative) throw new LoginRefused('unknown-user', 'Samspil has no plan for you.');
    return { ...relative, acr, authTime, returnTo };
  }
}

/** Links a professional's identity at the municipality IdP to their Samspil record (provisioning). */
export async function linkProfessionalIdentity(
  db: Kysely<DB>,
  link: { municipalityId: string; issuer: string; subject: string; professionalId: string },
): Promise<void> {
  await insertProfessionalIdentityLink(db, link);
}
