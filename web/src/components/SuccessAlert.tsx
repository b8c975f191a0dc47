import {
  createContext,
  type ReactElement,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Icon } from './Icon.js';

/** Shows the success alert: "Gemt" and what was saved. */
type ShowSuccess = (text?: string) => void;

const SuccessContext = createContext<{ message: string | null; show: ShowSuccess; clear: () => void }>({
  message: null,
  show: () => undefined,
  clear: () => undefined,
});

/**
 * Holds the one success message of the page. A form closes when it saves, so the confirmation
 * cannot live in the form; it lives here, under the header, until the person leaves the page.
 */
export function SuccessAlertProvider({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const location = useLocation();
  const show = useCallback<ShowSuccess>((text) => setMessage(text ?? t('form.success.text')), [t]);
  const clear = useCallback(() => setMessage(null), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page starts without the old page's message
  useEffect(() => setMessage(null), [location.pathname]);
  return <SuccessContext.Provider value={{ message, show, clear }}>{children}</SuccessContext.Provider>;
}

/** The function a form calls after a successful save. */
export function useShowSuccess(): ShowSuccess {
  return useContext(SuccessContext).show;
}

/** Waits for a save, then says `message` and runs `after`; a failure stays in the mutation's state. */
type ConfirmSave = (save: Promise<unknown>, message: string, after?: () => void) => void;

/**
 * For a card whose save moves it to another list (a referral answered, a flag dismissed, a
 * meeting held): the moved card is a new mount, and a `mutate` callback of the old one never
 * runs. Waiting on `mutateAsync`'s promise says the success whatever becomes of the card.
 */
export function useConfirmSave(): ConfirmSave {
  const show = useShowSuccess();
  return useCallback<ConfirmSave>(
    (save, message, after) => {
      save.then(
        () => {
          show(message);
          after?.();
        },
        () => undefined,
      );
    },
    [show],
  );
}

/**
 * The DKFDS success alert in a status region that is always there, so screen readers announce
 * the message when it appears without moving the person's focus.
 */
export function SuccessAlert(): ReactElement {
  const { t } = useTranslation();
  const { message, clear } = useContext(SuccessContext);
  return (
    <div role="status" className="samspil-success-region">
      {message ? (
        <div className="alert alert-success samspil-success-alert">
          <Icon name="success" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-heading">{t('form.success.heading')}</p>
            <p className="alert-text">{message}</p>
          </div>
          <button type="button" className="alert-close" onClick={clear}>
            <Icon name="close" />
            <span>{t('form.success.close')}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
