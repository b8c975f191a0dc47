import { createInstance, type TFunction } from 'i18next';
import type { Notification } from '../../src/domain/coordination/notifications.js';
import { notificationSchema } from '../../src/domain/coordination/notifications.js';
import da from '../../web/src/i18n/da.json';
import { notificationText } from '../../web/src/pages/inbox/inbox-text.js';

let danish: TFunction | null = null;

/**
 * A notification from GET /api/inbox as the web says it in Danish: the server sends kind and
 * data, the web's texts make the sentence. The item must match the domain's schema.
 */
export async function danishSentence(item: unknown): Promise<string> {
  if (!danish) {
    const i18n = createInstance();
    await i18n.init({
      resources: { da: { translation: da } },
      lng: 'da',
      interpolation: { escapeValue: false },
    });
    danish = i18n.t;
  }
  const notification: Notification = notificationSchema.parse(item);
  return notificationText(notification, danish, 'da');
}
