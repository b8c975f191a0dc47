import type { ReactElement, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface ItemActionsProps {
  /** The item's name, read after the button text by screen readers ("Edit: Sleep six hours"). */
  itemName: string;
  onEdit: () => void;
  onEnd?: () => void;
  editRef?: RefObject<HTMLButtonElement | null>;
  endRef?: RefObject<HTMLButtonElement | null>;
  endLabel?: string;
}

/** Edit and end buttons for one item in the plan; their accessible names include the item. */
export function ItemActions({
  itemName,
  onEdit,
  onEnd,
  editRef,
  endRef,
  endLabel,
}: ItemActionsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="samspil-item-actions">
      <button type="button" className="button button-tertiary" ref={editRef} onClick={onEdit}>
        {t('form.edit')}
        <span className="sr-only">: {itemName}</span>
      </button>
      {onEnd ? (
        <button type="button" className="button button-tertiary" ref={endRef} onClick={onEnd}>
          {endLabel ?? t('form.end')}
          <span className="sr-only">: {itemName}</span>
        </button>
      ) : null}
    </div>
  );
}
