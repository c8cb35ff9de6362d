import { formatChallengesCsv, formatChallengesGeoJson, type ChallengeHex, type MeasurementOptions } from '../../core';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useMeasurementsStore } from '../../state/measurements-store';
import { downloadFile } from '../download-file';

/** The challenged hexagons, the evidence to send an operator: listed, shown on the map, exported. */
export function ChallengeList({ challenges, rules, isDemo }: { challenges: ChallengeHex[]; rules: MeasurementOptions; isDemo: boolean }) {
  const t = useT();
  const locale = useLocale();
  const selectedH3 = useMeasurementsStore((state) => state.selectedH3);
  const { selectChallenge } = useMeasurementsStore((state) => state.actions);
  return (
    <section>
      <h3>{t('evidence.challenges', { count: formatNumber(challenges.length, locale) })}</h3>
      <p className="hint">{t('evidence.challengesHint', { tests: formatNumber(rules.challengeMinTests, locale), hours: formatNumber(rules.challengeMinHoursApart, locale, 1) })}</p>
      {challenges.length === 0 ? (
        <p className="hint" data-testid="evidence-no-challenges">
          {t('evidence.noChallenges')}
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="evidence-challenges">
              <thead>
                <tr>
                  <th scope="col">H3</th>
                  <th scope="col">{t('evidence.operator')}</th>
                  <th scope="col">{t('evidence.technology')}</th>
                  <th scope="col">{t('evidence.contradicting')}</th>
                  <th scope="col">{t('evidence.hours')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {challenges.map((challenge) => (
                  <tr key={`${challenge.h3}|${challenge.operator}|${challenge.technology}|${challenge.kind}`} data-testid="evidence-challenge-row" data-h3={challenge.h3} aria-selected={challenge.h3 === selectedH3}>
                    <th scope="row">
                      <code>{challenge.h3}</code>
                      <br />
                      <span className="hint">{t(`evidence.challenge.${challenge.kind}`)}</span>
                    </th>
                    <td>{challenge.operator}</td>
                    <td>{challenge.technology}</td>
                    <td>
                      {formatNumber(challenge.contradicting, locale)} / {formatNumber(challenge.tests, locale)}
                    </td>
                    <td>{formatNumber(challenge.hoursSpanned, locale, 1)}</td>
                    <td>
                      <button type="button" data-testid="evidence-challenge-show" onClick={() => selectChallenge(challenge.h3)}>
                        {t('evidence.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button type="button" data-testid="evidence-export-csv" onClick={() => downloadFile(formatChallengesCsv(challenges), 'o-can-phan-anh.csv', 'text/csv;charset=utf-8')}>
              {t('evidence.exportCsv')}
            </button>
            <button type="button" data-testid="evidence-export-geojson" onClick={() => downloadFile(JSON.stringify(formatChallengesGeoJson(challenges, isDemo)), 'o-can-phan-anh.geojson', 'application/geo+json')}>
              {t('evidence.exportGeoJson')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
