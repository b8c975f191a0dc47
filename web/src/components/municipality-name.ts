import type { TFunction } from 'i18next';

const SYNTHETIC = ' (syntetisk)';

/**
 * The municipality's name in the UI language. The demo's synthetic municipality is named
 * "… (syntetisk)" in the data; the marker is a word of the UI, so it is translated here.
 */
export function municipalityName(name: string, t: TFunction): string {
  return name.endsWith(SYNTHETIC) ? `${name.slice(0, -SYNTHETIC.length)} ${t('app.synthetic')}` : name;
}
