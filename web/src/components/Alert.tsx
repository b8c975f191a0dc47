import type { ReactElement, ReactNode } from 'react';
import { Icon } from './Icon.js';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  variant: AlertVariant;
  heading?: ReactNode;
  children?: ReactNode;
  /** `alert` for something that just happened and must be announced; otherwise a plain region. */
  live?: boolean;
  id?: string;
  className?: string;
}

/** A DKFDS alert. The icon is decorative; the heading and text carry the message. */
export function Alert({ variant, heading, children, live = false, id, className }: AlertProps): ReactElement {
  const classes = ['alert', `alert-${variant}`, className].filter(Boolean).join(' ');
  return (
    <div className={classes} role={live ? 'alert' : undefined} id={id}>
      <Icon name={variant} className="alert-icon" />
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        {typeof children === 'string' ? <p className="alert-text">{children}</p> : children}
      </div>
    </div>
  );
}
