import { useEffect, useRef } from 'react';
import type { ProposalPlace } from '../../core';
import { formatLatLng, formatNumber, type Locale } from '../../i18n/format';
import { formatSitingMessage } from '../../i18n/siting-text';
import { useLocale, useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { useProposalsStore, type RankedProposal } from '../../state/proposals-store';
import { FieldCoordinates } from './FieldCoordinates';

// Zoom at which a proposal's disc and its neighbours fit the map.
const SHOW_ZOOM = 12;
const LISTED_HAMLETS = 12;

/** Latitude and longitude to 6 decimals (about 0.1 m), in the locale's decimal sign and compass letters. */
function formatLocation(proposal: RankedProposal, locale: Locale): string {
  return formatLatLng(proposal.lat, proposal.lng, locale, 6, 6);
}

function PlaceText({ place }: { place: ProposalPlace | null }) {
  const t = useT();
  const locale = useLocale();
  if (!place) return <>{t('proposals.placeNone')}</>;
  const values = { hamlet: place.hamlet, commune: place.commune, district: place.district };
  return <>{place.isInside ? t('proposals.placeInside', values) : t('proposals.placeNear', { ...values, meters: formatNumber(place.distanceMeters, locale) })}</>;
}

/** The proposals in the engine's rank order: name, place, coordinates, operators, hamlets and households gained; show and delete. */
export function ProposalList({ proposals }: { proposals: RankedProposal[] }) {
  const t = useT();
  const locale = useLocale();
  const selectedId = useProposalsStore((state) => state.selectedId);
  const actions = useProposalsStore((state) => state.actions);
  const requestView = useUiStore((state) => state.actions.requestView);
  const listRef = useRef<HTMLOListElement>(null);
  // A proposal picked on the map is brought into view in the list.
  useEffect(() => {
    if (!selectedId) return;
    const row = [...(listRef.current?.children ?? [])].find((item) => item.getAttribute('data-id') === selectedId);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  if (proposals.length === 0) return <p className="hint">{t('proposals.empty')}</p>;
  return (
    <>
      <h3>{t('proposals.list')}</h3>
      <ol className="proposal-rows" data-testid="proposal-list" ref={listRef}>
        {proposals.map((proposal) => {
          const evaluated = proposal.evaluated;
          const helped = evaluated?.helped ?? [];
          const name = evaluated ? formatSitingMessage(evaluated.name, locale) : '…';
          return (
            <li
              key={proposal.id}
              className={`proposal-row proposal-${proposal.kind}`}
              aria-current={proposal.id === selectedId ? 'true' : undefined}
              data-testid="proposal-row"
              data-id={proposal.id}
              data-rank={proposal.rank}
              data-kind={proposal.kind}
              data-lng={proposal.lng}
              data-lat={proposal.lat}
              data-operator={proposal.operator}
              data-technology={proposal.technology}
              data-radius={proposal.radiusMeters}
              data-makes-shared={String(evaluated?.makesShared ?? false)}
              data-helped={helped.map((hamlet) => hamlet.hamletId).join(' ')}
            >
              <div className="proposal-title">
                <span className="proposal-rank" aria-hidden="true">
                  {proposal.rank}
                </span>
                <strong data-testid="proposal-name">{name}</strong>
                {evaluated?.makesShared && <em className="hint"> · {t('proposals.makesShared')}</em>}
                {proposal.isEdited && <em className="hint"> · {t('proposals.edited')}</em>}
              </div>
              <dl className="details-list">
                <dt>{t('proposals.place')}</dt>
                <dd data-testid="proposal-place">{evaluated ? <PlaceText place={evaluated.place} /> : '…'}</dd>
                <dt>{t('proposals.location')}</dt>
                <dd data-testid="proposal-location">{formatLocation(proposal, locale)}</dd>
                <dt>{t('proposals.hosted')}</dt>
                <dd>
                  {evaluated && evaluated.operators.length === 0 ? t('proposals.hostedNone') : (evaluated?.operators ?? [proposal.operator]).join(', ')} · {proposal.technology} · {formatNumber(proposal.radiusMeters, locale)} m
                </dd>
                <dt>{t('proposals.newlyCovered')}</dt>
                <dd data-testid="proposal-hamlets" data-count={helped.length}>
                  {helped.length === 0
                    ? t('proposals.none')
                    : helped
                        .slice(0, LISTED_HAMLETS)
                        .map((hamlet) => (hamlet.operator === null ? t('proposals.helpedHamlet', { hamlet: hamlet.name, commune: hamlet.communeLabel }) : t('proposals.helpedHamletOperator', { hamlet: hamlet.name, commune: hamlet.communeLabel, operator: hamlet.operator })))
                        .join(', ')}
                  {helped.length > LISTED_HAMLETS ? ` … (+${formatNumber(helped.length - LISTED_HAMLETS, locale)})` : ''}
                </dd>
                <dt>{t('proposals.householdsGained')}</dt>
                <dd data-testid="proposal-households" data-value={evaluated?.householdsGained ?? 0}>{formatNumber(evaluated?.householdsGained ?? 0, locale)}</dd>
              </dl>
              <div className="button-row">
                <button
                  type="button"
                  data-testid="proposal-show"
                  onClick={() => {
                    actions.select(proposal.id);
                    requestView({ center: [proposal.lng, proposal.lat], zoom: SHOW_ZOOM });
                  }}
                >
                  {t('proposals.show')}
                </button>
                <button type="button" className="danger" data-testid="proposal-delete" aria-label={`${t('proposals.delete')}: ${name}`} onClick={() => actions.deleteProposal(proposal.id)}>
                  {t('proposals.delete')}
                </button>
              </div>
              {proposal.id === selectedId && (
                <FieldCoordinates key={`${proposal.lng},${proposal.lat}`} lng={proposal.lng} lat={proposal.lat} label={t('proposals.moveTo')} testId="proposal-move" onSubmit={(lng, lat) => actions.moveProposal(proposal.id, lng, lat)} />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
