import {
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Me } from '../api/auth.js';
import { Icon } from './Icon.js';
import { MainNavItems } from './MainNavItems.js';

/**
 * The DKFDS mobile menu, below 992 px: a "Menu" button in the header opens a drawer with the
 * main navigation and the user's tools (`tools`: name, log out). The drawer is a modal dialog:
 * focus starts on its close button and stays inside; Escape, the close button, the overlay or
 * choosing a page close it, and focus returns to the menu button.
 */
export function MobileMenu({ me, tools }: { me: Me; tools: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);
  const location = useLocation();

  const close = (): void => {
    setOpen(false);
    window.requestAnimationFrame(() => opener.current?.focus());
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a chosen page closes the menu
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    closer.current?.focus();
    // DKFDS's own class: the page behind does not scroll while the drawer is open.
    document.body.classList.add('mobile-nav-active');
    return () => document.body.classList.remove('mobile-nav-active');
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      close();
      return;
    }
    if (event.key !== 'Tab' || !drawer.current) return;
    const focusable = drawer.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled])');
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <>
      <button
        type="button"
        ref={opener}
        className="button button-secondary button-menu-open samspil-menu-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={`${id}-drawer`}
        onClick={() => setOpen(true)}
      >
        <Icon name="menu" />
        {t('header.menu')}
      </button>
      {/* The overlay is a mouse target only; keyboard users close with Escape or the button. */}
      <div className={open ? 'overlay is-visible' : 'overlay'} aria-hidden="true" onClick={close} />
      <div
        id={`${id}-drawer`}
        ref={drawer}
        className={open ? 'mobile-drawer is-visible' : 'mobile-drawer'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        onKeyDown={onKeyDown}
      >
        <div className="menu-top">
          <p className="menu-heading" id={`${id}-heading`}>
            {t('header.menuHeading')}
          </p>
          <button
            type="button"
            ref={closer}
            className="button button-tertiary button-menu-close"
            onClick={close}
          >
            <Icon name="close" />
            {t('header.closeMenu')}
          </button>
        </div>
        <nav className="navigation-menu-mobile" aria-label={t('header.mainNavigation')}>
          <ul className="mainmenu">
            <MainNavItems me={me} linkClass="nav-link" />
          </ul>
        </nav>
        <div className="samspil-drawer-tools">{tools}</div>
      </div>
    </>
  );
}
