import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { type DemoPersona, type Me, useDemoLogin, useDemoPersonas, useMe } from '../../api/auth.js';
import { Alert } from '../../components/Alert.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { homePath, isProfessionalPath } from '../../routes.js';
import { PersonaCard } from './PersonaCard.js';

/** Where a relative with several powers of attorney chooses whose plan to see. */
const DELEGATION_CHOICE = '/login/fuldmagt';

/** Where to go after logging in: back to the page that asked for a login, if the user may have it. */
function destination(me: Me, from: unknown): string {
  if (me.kind === 'professional' && typeof from === 'string' && isProfessionalPath(from)) return from;
  return homePath(me);
}

/** Demo login: one card per persona. Real deployments log in through the municipality's IdP or MitID. */
export function LoginPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const me = useMe();
  const personas = useDemoPersonas();
  const login = useDemoLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from: unknown = (location.state as { from?: unknown } | null)?.from;

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={homePath(me.data)} replace />;

  const onLogin = (persona: DemoPersona): void => {
    login.mutate(persona.id, {
      onSuccess: (user) => navigate(user ? destination(user, from) : DELEGATION_CHOICE, { replace: true }),
    });
  };

  const groups: { kind: DemoPersona['kind']; heading: string }[] = [
    { kind: 'professional', heading: t('login.professionals') },
    { kind: 'citizen', heading: t('login.citizens') },
  ];

  return (
    <>
      <h1>{t('login.title')}</h1>
      <p className="font-lead">{t('login.intro')}</p>
      <Alert variant="info" heading={t('login.demoHeading')}>
        {t('login.demoText')}
      </Alert>
      {login.isError ? <ErrorAlert error={login.error} /> : null}
      {personas.isPending ? <Loading /> : null}
      {personas.isError ? (
        <ErrorAlert error={personas.error} onRetry={() => void personas.refetch()} />
      ) : null}
      {personas.data?.length === 0 ? <Alert variant="warning">{t('login.noPersonas')}</Alert> : null}
      {personas.data && personas.data.length > 0
        ? groups.map((group) => {
            // Relatives log in through MitID as citizens do, so they are listed with them.
            const members = personas.data.filter(
              (persona) => (persona.kind === 'relative' ? 'citizen' : persona.kind) === group.kind,
            );
            if (members.length === 0) return null;
            return (
              <section key={group.kind} aria-labelledby={`personas-${group.kind}`} className="mt-7">
                <h2 id={`personas-${group.kind}`}>{group.heading}</h2>
                <ul className="samspil-card-grid no-max-width">
                  {members.map((persona) => (
                    <PersonaCard
                      key={persona.id}
                      persona={persona}
                      onLogin={onLogin}
                      busy={login.isPending}
                      pending={login.isPending && login.variables === persona.id}
                    />
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </>
  );
}
