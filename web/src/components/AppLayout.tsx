import { type ReactElement, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.js';
import { Header } from './Header.js';
import { Loading } from './Loading.js';
import { SuccessAlert, SuccessAlertProvider } from './SuccessAlert.js';

/** Skip link, header, main landmark and footer around every page. */
export function AppLayout(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page so keyboard and screen-reader
  // users start at its top, as they would after a full page load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the path changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <SuccessAlertProvider>
      <a className="skipnav" href="#main-content">
        {t('app.skipLink')}
      </a>
      <Header me={me.data ?? null} />
      <main id="main-content" ref={main} tabIndex={-1} className="samspil-main">
        <div className="container">
          <SuccessAlert />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="footer samspil-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          <ul className="samspil-footer-links nobullet-list">
            <li>
              <Link to="/tilgaengelighed">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <Link to="/privatliv">{t('footer.privacy')}</Link>
            </li>
            <li>
              <a href={`mailto:${t('footer.contactEmail')}`}>
                {t('footer.contact')}: {t('footer.contactEmail')}
              </a>
            </li>
          </ul>
        </div>
      </footer>
    </SuccessAlertProvider>
  );
}
