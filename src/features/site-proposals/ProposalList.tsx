import { useEffect, useRef } from 'react';
import { formatLatLng, formatNumber, type Locale } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useUiStore } from '../../state/ui-store';
import { useProposalsStore } from '../../state/proposals-store';
import type { RankedProposal } from './export-proposals';
import { FieldCoordinates } from './FieldCoordinates';

// Zoom at which a proposal's disc and its neighbours fit the map.
const SHOW_ZOOM = 12;
const LISTED_HAMLETS = 12;

function formatLocation(proposal: RankedProposal, locale: Locale): string {
  return formatLatLng(proposal.lat, proposal.lng, locale);
}

/** The proposals in rank order: kind, location, operators, hamlets and households gained; show and delete. */
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
          const hamlets = proposal.gain?.hamlets ?? [];
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
            >
              <div className="proposal-title">
                <span className="proposal-rank" aria-hidden="true">
                  {proposal.rank}
                </span>
                <strong>
                  {proposal.kind === 'upgrade'
                    ? t('proposals.kind.upgrade', { site: proposal.hostSiteId ?? '', operator: proposal.operator })
                    : t('proposals.kind.new', { operator: proposal.operator })}
                </strong>
                {proposal.isEdited && <em className="hint"> · {t('proposals.edited')}</em>}
              </div>
              <dl className="details-list">
                <dt>{t('proposals.location')}</dt>
                <dd>{formatLocation(proposal, locale)}</dd>
                <dt>{t('proposals.hosted')}</dt>
                <dd>{proposal.operators.join(', ')} · {proposal.technology} · {formatNumber(proposal.radiusMeters, locale)} m</dd>
                <dt>{t('proposals.newlyCovered')}</dt>
                <dd data-testid="proposal-hamlets" data-count={hamlets.length}>
                  {hamlets.length === 0 ? t('proposals.none') : hamlets.slice(0, LISTED_HAMLETS).map((hamlet) => hamlet.name).join(', ')}
                  {hamlets.length > LISTED_HAMLETS ? ` … (+${formatNumber(hamlets.length - LISTED_HAMLETS, locale)})` : ''}
                </dd>
                <dt>{t('proposals.householdsGained')}</dt>
                <dd data-testid="proposal-households" data-value={proposal.gain?.households ?? 0}>{formatNumber(proposal.gain?.households ?? 0, locale)}</dd>
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
                <button type="button" className="danger" data-testid="proposal-delete" aria-label={`${t('proposals.delete')} ${proposal.rank}`} onClick={() => actions.deleteProposal(proposal.id)}>
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
