import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** NSIS assurance levels as MitID brokers send them in `acr`. */
export const NSIS = {
  low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
  substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
  high: 'https://data.gov.dk/concept/core/nsis/loa/High',
} as const;

export interface TestAccount {
  /** Claims beyond `sub`, e.g. the broker's CPR claim. */
  claims?: Record<string, string>;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 at a random port, with plain
 * HTML login and consent pages that a test "browser" fills in with fetch. No mocks: the
 * relying party talks to it over HTTP exactly as to a municipality's IdP or a MitID broker.
 */
export async function startIdentityProvider(options: {
  redirectUris: string[];
  cprClaim?: string;
}): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>();
  const clientId = 'samspil';
  const clientSecret = 'a-long-test-client-secret-of-sufficient-length';
  const cprClaim = options.cprClaim ?? 'dk.cpr';
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      void interaction(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    claims: { acr: null, auth_time: null, sid: null, iss: null, openid: ['sub'], ssn: [cprClaim] },
    scopes: ['openid', 'ssn'],
    acrValues: new Set(Object.values(NSIS)),
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['samspil-test-cookie-key'] },
    pkce: { required: () => true },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Login and consent pages: GET shows a form, POST completes the step. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      details.prompt.name === 'login'
        ? `<form method="post" action="/interaction/${details.uid}/login"><input name="login"><input name="acr"><button>Log in</button></form>`
        : `<form method="post" action="/interaction/${details.uid}/confirm"><button>Allow</button></form>`,
    );
    return;
  }
  const body = new URLSearchParams(await readBody(req));
  if (path.endsWith('/login')) {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: body.get('login') ?? '', acr: body.get('acr') ?? undefined } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const grant = new provider.Grant({
    accountId: details.session?.accountId ?? '',
    clientId: details.params.client_id,
  });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/**
 * A minimal browser for the provider's pages: follows redirects by hand, keeps the provider's
 * cookies, submits forms. Stops at the first redirect to `stopAt` and returns that URL.
 */
export async function browseToCallback(
  startUrl: string,
  login: { subject: string; acr: string },
  stopAt: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = startUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair && index > 0) jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(stopAt)) return next;
      url = next.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action)
      throw new Error(`identity provider page without a form (${response.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = action.endsWith('/login')
      ? new URLSearchParams({ login: login.subject, acr: login.acr }).toString()
      : '';
  }
  throw new Error('too many steps at the identity provider');
}
