import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsFilter, type ExportFigure, figureExportUrl } from '../../api/analytics.js';

/**
 * "Download as CSV / Excel" for one management table. The server makes the file from the same
 * figure the page shows (hidden cells stay hidden) and audits the export; the links say which
 * table they export, as several sit on one page.
 */
export function FigureExport({
  figure,
  filter,
  title,
}: {
  figure: ExportFigure;
  filter: AnalyticsFilter;
  /** The table's name, read after the link's text by screen readers. */
  title: string;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="samspil-management-actions" data-testid={`export-${figure}`}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          className="button button-secondary"
          href={figureExportUrl(figure, filter, format)}
          download
        >
          {t(`steering.export.${format}`)}
          <span className="sr-only">: {title}</span>
        </a>
      ))}
    </p>
  );
}
