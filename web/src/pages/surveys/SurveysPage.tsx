import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import {
  type CollaborationSurvey,
  type QualityFigures,
  type QualitySurvey,
  type SurveyScope,
  useCollaborationResults,
  useCollaborationSurveys,
  useQualityResults,
  useQualitySurveys,
} from '../../api/surveys.js';
import { Alert } from '../../components/Alert.js';
import { ExportCsvButton } from '../../components/ExportCsvButton.js';
import { OpenFormButton } from '../../components/form/OpenFormButton.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useToggle } from '../../hooks/useToggle.js';
import { QUALITY_CSV_HEADER, RC_CSV_HEADER } from '../../domain.js';
import { useDocumentTitle } from '../../i18n/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { formatScore } from './format-score.js';
import { ImportForm } from './ImportForm.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { NewSurveyForm } from './NewSurveyForm.js';
import { NetworkDiagram } from './NetworkDiagram.js';
import { pairTies, TIE_MEASURES, type TieMeasure, type TiePair } from './rc-view.js';
import { ResultsTable } from './ResultsTable.js';
import '../../styles/measures.css';

/**
 * The team leader's collaboration (relational coordination) and quality results: per tie
 * between work groups and per statement, never per person — material for a facilitated
 * conversation about how the unit works together.
 */
export function SurveysPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('surveys.title'));
  const collaboration = useCollaborationSurveys();
  const quality = useQualitySurveys();
  if (
    (collaboration.error && isApiError(collaboration.error, 403)) ||
    (quality.error && isApiError(quality.error, 403))
  ) {
    return (
      <>
        <h1>{t('surveys.title')}</h1>
        <Alert variant="info">{t('surveys.forLeaders')}</Alert>
      </>
    );
  }
  return (
    <>
      <h1>{t('surveys.title')}</h1>
      <p className="font-lead">{t('surveys.intro')}</p>
      <NewSurveys />
      <QueryStatus query={collaboration} />
      {collaboration.data?.items.length === 0 ? <p>{t('surveys.noCollaboration')}</p> : null}
      {collaboration.data?.items.map((survey) => (
        <CollaborationSection key={survey.id} survey={survey} />
      ))}
      <QueryStatus query={quality} />
      {quality.data?.items.map((survey) => (
        <QualitySection key={survey.id} survey={survey} />
      ))}
    </>
  );
}

/** The buttons that open the forms for a new collaboration or quality survey, one form at a time. */
function NewSurveys(): ReactElement {
  const { t } = useTranslation();
  const collaboration = useToggle();
  const quality = useToggle();
  if (collaboration.open) return <NewSurveyForm kind="collaboration" onDone={collaboration.hide} />;
  if (quality.open) return <NewSurveyForm kind="quality" onDone={quality.hide} />;
  return (
    <p className="samspil-item-actions">
      <OpenFormButton toggle={collaboration} label={t('surveys.create.collaboration.open')} />
      <OpenFormButton toggle={quality} label={t('surveys.create.quality.open')} />
    </p>
  );
}

function roundLabel(t: (key: string, options?: Record<string, unknown>) => string, round: string): string {
  return t(`surveys.round.${round}`, { defaultValue: round });
}

/** A survey's title, and the unit (and project) it is about; `children` adds to that line. */
function SurveyHeading({
  id,
  survey,
  children,
}: {
  id: string;
  survey: SurveyScope;
  children?: ReactNode;
}): ReactElement {
  return (
    <>
      <h2 id={id}>{survey.title}</h2>
      <p className="samspil-muted">
        {survey.unit.name}
        {survey.project ? ` · ${survey.project}` : null}
        {children}
      </p>
    </>
  );
}

function CollaborationSection({ survey }: { survey: CollaborationSurvey }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const first = survey.rounds[0]?.round ?? null;
  const last = survey.rounds.length > 1 ? (survey.rounds.at(-1)?.round ?? null) : null;
  const before = useCollaborationResults(survey.id, first);
  const after = useCollaborationResults(survey.id, last);
  const headingId = `survey-${survey.id}`;
  const roundNames = [...new Set([...survey.rounds.map((r) => r.round), 'baseline', 'follow-up'])];
  const rounds = [before.data, after.data].filter((results) => results !== undefined);
  // The side-by-side table waits for both rounds: a round still loading is not a missing figure.
  const bothLoaded =
    (first === null || before.data !== undefined) && (last === null || after.data !== undefined);
  const pairs = pairTies(survey.groups, before.data?.ties ?? null, after.data?.ties ?? null);
  const band = (value: string | null | undefined) =>
    value ? t(`surveys.band.${value}`) : t('surveys.suppressed');
  const measureName = (measure: TieMeasure) => t(`surveys.column.${measure}`);
  // Per figure: its value in each round, then the change, so baseline and follow-up stand side by side.
  const measureColumns = TIE_MEASURES.flatMap((measure) => [
    ...(first
      ? [t('surveys.column.inRound', { measure: measureName(measure), round: roundLabel(t, first) })]
      : []),
    ...(last
      ? [
          t('surveys.column.inRound', { measure: measureName(measure), round: roundLabel(t, last) }),
          t('surveys.column.changeOf', { measure: measureName(measure) }),
        ]
      : []),
  ]);
  const columns = [
    t('surveys.column.from'),
    t('surveys.column.to'),
    ...measureColumns,
    t('surveys.column.band'),
  ];
  const latest = (pair: TiePair) => pair.after ?? pair.before;
  const figures = (pair: TiePair): { value: number | null; signed: boolean }[] =>
    TIE_MEASURES.flatMap((measure) => [
      ...(first ? [{ value: pair.before?.[measure] ?? null, signed: false }] : []),
      ...(last
        ? [
            { value: pair.after?.[measure] ?? null, signed: false },
            { value: pair.changes[measure], signed: true },
          ]
        : []),
    ]);
  const exportRows = () =>
    pairs.map((pair) => [
      pair.from,
      pair.from === pair.to ? t('surveys.withinGroup') : pair.to,
      ...figures(pair).map((figure) => figure.value),
      band(latest(pair)?.band),
    ]);
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <SurveyHeading id={headingId} survey={survey}>
        {survey.rounds.length > 0
          ? ` · ${survey.rounds.map((r) => t('surveys.roundRespondents', { round: roundLabel(t, r.round), count: r.respondents })).join(', ')}`
          : null}
      </SurveyHeading>
      {survey.rounds.length === 0 ? <p>{t('surveys.noRounds')}</p> : null}
      <QueryStatus query={before} />
      <div className="samspil-network-rounds">
        {rounds.map((results) => (
          <figure key={results.round} className="samspil-network-round">
            <figcaption>
              <h3 className="h4">{roundLabel(t, results.round)}</h3>
            </figcaption>
            <NetworkDiagram
              results={results}
              label={t('surveys.diagramLabel', { round: roundLabel(t, results.round), title: survey.title })}
            />
          </figure>
        ))}
      </div>
      {rounds.length > 0 ? <BandLegend minRespondents={rounds[0]?.minRespondents ?? 5} /> : null}
      {rounds.length > 0 && bothLoaded ? (
        <>
          <ResultsTable
            caption={t('surveys.tiesCaption', { title: survey.title })}
            className="samspil-ties"
            columns={columns}
            numeric={(index) => index >= 2 && index < columns.length - 1}
          >
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.from}→${pair.to}`}>
                  <th scope="row">{pair.from}</th>
                  <td>{pair.from === pair.to ? t('surveys.withinGroup') : pair.to}</td>
                  {figures(pair).map((figure, index) => (
                    <td key={measureColumns[index]} className="samspil-numeric">
                      {figure.value === null ? '–' : formatScore(figure.value, language, figure.signed)}
                    </td>
                  ))}
                  <td>
                    <span
                      className={`samspil-band-swatch samspil-band-swatch--${latest(pair)?.band ?? 'none'}`}
                      aria-hidden="true"
                    />{' '}
                    {band(latest(pair)?.band)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
          <ExportCsvButton fileName={`samarbejde-${survey.id}.csv`} header={columns} rows={exportRows} />
        </>
      ) : null}
      <InvitationsPanel
        surveyId={survey.id}
        title={survey.title}
        groups={survey.groups}
        rounds={roundNames}
      />
      <ImportForm
        basePath={`/api/collaboration-surveys/${encodeURIComponent(survey.id)}/rounds`}
        rounds={roundNames}
        header={RC_CSV_HEADER.join(',')}
      />
    </section>
  );
}

function BandLegend({ minRespondents }: { minRespondents: number }): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="nobullet-list samspil-band-legend" aria-label={t('surveys.legendLabel')}>
      {(['strong', 'moderate', 'weak'] as const).map((band) => (
        <li key={band}>
          <span className={`samspil-band-swatch samspil-band-swatch--${band}`} aria-hidden="true" />{' '}
          {t(`surveys.legend.${band}`)}
        </li>
      ))}
      <li>
        <span className="samspil-band-swatch samspil-band-swatch--none" aria-hidden="true" />{' '}
        {t('surveys.legend.suppressed', { count: minRespondents })}
      </li>
      <li>{t('surveys.legend.ring')}</li>
    </ul>
  );
}

function QualitySection({ survey }: { survey: QualitySurvey }): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = useQualityResults(survey.id);
  const headingId = `quality-${survey.id}`;
  const score = (value: number | null) => (value === null ? '–' : formatScore(value, language));
  const percent = (value: number | null) =>
    value === null ? '–' : `${formatScore(value, language, true)} %`;
  const figureCells = (figures: QualityFigures) => (
    <>
      <td className="samspil-numeric">{score(figures.baseline)}</td>
      <td className="samspil-numeric">{score(figures.end)}</td>
      <td className="samspil-numeric">{percent(figures.changePercent)}</td>
    </>
  );
  const columns = [
    t('surveys.column.statement'),
    t('surveys.round.baseline'),
    t('surveys.round.end'),
    t('surveys.column.changePercent'),
  ];
  return (
    <section aria-labelledby={headingId} className="mt-7">
      <SurveyHeading id={headingId} survey={survey} />
      <QueryStatus query={results} />
      {results.data ? (
        <>
          <ResultsTable
            caption={t('surveys.qualityCaption', { title: survey.title })}
            className="samspil-quality"
            columns={columns}
            numeric={(index) => index > 0}
          >
            <tbody>
              {results.data.items.map((item) => (
                <tr key={item.code}>
                  <th scope="row">{item.text}</th>
                  {figureCells(item)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('surveys.overall')}</th>
                {figureCells(results.data.overall)}
              </tr>
            </tfoot>
          </ResultsTable>
          <ExportCsvButton
            fileName={`kvalitet-${survey.id}.csv`}
            header={columns}
            rows={() => [
              ...results.data.items.map((item) => [item.text, item.baseline, item.end, item.changePercent]),
              [
                t('surveys.overall'),
                results.data.overall.baseline,
                results.data.overall.end,
                results.data.overall.changePercent,
              ],
            ]}
          />
        </>
      ) : null}
      <ImportForm
        basePath={`/api/quality-surveys/${encodeURIComponent(survey.id)}/rounds`}
        rounds={['baseline', 'end']}
        header={QUALITY_CSV_HEADER.join(',')}
      />
    </section>
  );
}
