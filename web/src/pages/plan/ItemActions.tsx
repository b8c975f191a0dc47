import type { ReactElement, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface ItemActionsProps {
  /** The item's name, read after the button text by screen readers ("Edit: Sleep six hours"). */
  itemName: string;
  onEdit: () => void;
  onEnd?: () => void;
  editRef?: RefObject<HTMLButtonElement | null>;
  endRef?: RefObject<HTMLButtonElement | null>;
  endLabel?: string;
  /** The item's follow-up page, for those who follow it up. */
  followUpHref?: string;
}

/**
 * Edit and end buttons for one item in the plan. Their accessible names start with the visible
 * word and add the item ("Redigér: Sove mindst seks timer"), so a list of buttons is unambiguous.
 */
export function ItemActions({
  itemName,
  onEdit,
  onEnd,
  editRef,
  endRef,
  endLabel,
  followUpHref,
}: ItemActionsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="samspil-item-actions">
      <button
        type="button"
        className="button button-tertiary"
        ref={editRef}
        onClick={onEdit}
        aria-label={`${t('form.edit')}: ${itemName}`}
      >
        {t('form.edit')}
      </button>
      {followUpHref ? (
        <Link
          className="button button-tertiary"
          to={followUpHref}
          aria-label={`${t('followUps.action')}: ${itemName}`}
        >
          {t('followUps.action')}
        </Link>
      ) : null}
      {onEnd ? (
        <button
          type="button"
          className="button button-tertiary"
          ref={endRef}
          onClick={onEnd}
          aria-label={`${endLabel ?? t('form.end')}: ${itemName}`}
        >
          {endLabel ?? t('form.end')}
        </button>
      ) : null}
    </div>
  );
}
