import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Phone and e-mail as links a person can use directly. */
export function ContactLinks({
  phone,
  email,
}: {
  phone: string | null;
  email: string | null;
}): ReactElement | null {
  const { t } = useTranslation();
  if (!phone && !email) return null;
  return (
    <ul className="samspil-contact no-max-width">
      {phone ? (
        <li>
          <a href={`tel:${phone.replace(/\s/g, '')}`}>{t('plan.team.phone', { phone })}</a>
        </li>
      ) : null}
      {email ? (
        <li>
          <a href={`mailto:${email}`}>{t('plan.team.email', { email })}</a>
        </li>
      ) : null}
    </ul>
  );
}
