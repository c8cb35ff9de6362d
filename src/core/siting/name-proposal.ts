/**
 * Proposals named for people: "Trạm mới số 3 — Xã Lạc Hòa", "Nâng cấp trạm ST0012 (thêm MobiFone) —
 * Phường 1, TX Vĩnh Châu". Core gives the message code and its parameters; the app and the CLI
 * word it in the reader's language.
 */
import { SHARED_TOWER_OPERATOR, type Hamlet } from '../types';
import type { CandidateKind, SitingMessage } from './siting-types';

/** What a name is made of: the proposal's kind, its host site and the operator it adds. */
export interface NameableProposal {
  id: string;
  kind: CandidateKind;
  hostSiteId?: string;
  operator: string;
}

/** The commune a proposal stands in (or is nearest to), as `locateProposal` finds it. */
export interface NamingPlace {
  commune: string;
  district: string;
}

// The district types as Vietnamese writes them short beside a ward's name ("Phường 1, TX Vĩnh Châu").
const DISTRICT_TYPE_SHORT: readonly [RegExp, string][] = [
  [/^thành phố\s+/iu, 'TP '],
  [/^thị xã\s+/iu, 'TX '],
];

/**
 * A district's name as written after a commune's: "Thị xã Vĩnh Châu" → "TX Vĩnh Châu", "Thành phố
 * Sóc Trăng" → "TP Sóc Trăng"; a huyện (and anything else) keeps its whole name.
 * @param district the district's name as the data give it
 * @returns the short form
 * @example shortDistrictName('Thị xã Vĩnh Châu') // 'TX Vĩnh Châu'
 */
export function shortDistrictName(district: string): string {
  const name = district.trim();
  for (const [type, short] of DISTRICT_TYPE_SHORT) if (type.test(name)) return name.replace(type, short);
  return name;
}

const repeatedCache = new WeakMap<readonly Pick<Hamlet, 'commune' | 'district'>[], ReadonlySet<string>>();

/**
 * The commune names that stand for more than one commune: the same name in two or more districts
 * (Sóc Trăng has three "Phường 1"). Cached per hamlet array.
 * @param hamlets the hamlets in use (their commune and district)
 * @returns the repeated commune names
 * @example findRepeatedCommuneNames([{ commune: 'Phường 1', district: 'Thị xã Vĩnh Châu' }, { commune: 'Phường 1', district: 'Thị xã Ngã Năm' }]).has('Phường 1') // true
 */
export function findRepeatedCommuneNames(hamlets: readonly Pick<Hamlet, 'commune' | 'district'>[]): ReadonlySet<string> {
  const cached = repeatedCache.get(hamlets);
  if (cached) return cached;
  const districtsOf = new Map<string, string>();
  const repeated = new Set<string>();
  for (const hamlet of hamlets) {
    const known = districtsOf.get(hamlet.commune);
    if (known === undefined) districtsOf.set(hamlet.commune, hamlet.district);
    else if (known !== hamlet.district) repeated.add(hamlet.commune);
  }
  repeatedCache.set(hamlets, repeated);
  return repeated;
}

/**
 * A commune's name as a proposal's name and the hamlets it helps show it: alone when it is
 * unique, with its district (short) when the name repeats, so the district is named once.
 * @param place the commune and its district
 * @param repeated the repeated commune names (`findRepeatedCommuneNames`)
 * @returns "Xã Lạc Hòa" or "Phường 1, TX Vĩnh Châu"
 * @example communeLabel({ commune: 'Phường 1', district: 'Thị xã Vĩnh Châu' }, new Set(['Phường 1'])) // 'Phường 1, TX Vĩnh Châu'
 */
export function communeLabel(place: NamingPlace, repeated: ReadonlySet<string>): string {
  if (!repeated.has(place.commune) || place.district.trim() === '') return place.commune;
  return `${place.commune}, ${shortDistrictName(place.district)}`;
}

/**
 * A proposal's name for people, as a message: new towers by their number in rank order
 * (`proposal-name.new` for a shared tower, `proposal-name.new-operator` for one operator's), an
 * upgrade after its host site and the operator it adds (`proposal-name.upgrade`); each with the
 * commune it stands in (`commune`, with the district when the name repeats), or `…-unplaced`
 * when no hamlet is near.
 * @param proposal kind, host site, operator (and id, the host when an upgrade has none)
 * @param number the new tower's number among the new towers in rank order (1 = the first)
 * @param place the commune it stands in, or null
 * @param repeated the repeated commune names (`findRepeatedCommuneNames`)
 * @returns the code and parameters
 * @example nameProposal({ id: 'grid:1:2', kind: 'new', operator: 'Dùng chung' }, 3, { commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu' }, new Set()) // { code: 'proposal-name.new', params: { number: 3, commune: 'Xã Lạc Hòa' } }
 */
export function nameProposal(proposal: NameableProposal, number: number, place: NamingPlace | null, repeated: ReadonlySet<string>): SitingMessage {
  const where: Record<string, string> = place ? { commune: communeLabel(place, repeated) } : {};
  const suffix = place ? '' : '-unplaced';
  if (proposal.kind === 'upgrade') return { code: `proposal-name.upgrade${suffix}`, params: { site: proposal.hostSiteId ?? proposal.id, operator: proposal.operator, ...where } };
  if (proposal.operator === SHARED_TOWER_OPERATOR) return { code: `proposal-name.new${suffix}`, params: { number, ...where } };
  return { code: `proposal-name.new-operator${suffix}`, params: { number, operator: proposal.operator, ...where } };
}

/**
 * Names a ranked set: the new towers numbered 1, 2, 3 … in rank order (so after an edit re-ranks
 * the set, the numbers follow the new ranks), upgrades after their host.
 * @param ranked the proposals in rank order, each with where it stands
 * @param repeated the repeated commune names (`findRepeatedCommuneNames`)
 * @returns per proposal (same order) its name and, for a new tower, its number
 * @example nameRankedProposals([{ proposal: upgrade, place }, { proposal: tower, place }], new Set())[1].number // 1
 */
export function nameRankedProposals(ranked: readonly { proposal: NameableProposal; place: NamingPlace | null }[], repeated: ReadonlySet<string>): { name: SitingMessage; number?: number }[] {
  let towers = 0;
  return ranked.map(({ proposal, place }) => {
    if (proposal.kind === 'upgrade') return { name: nameProposal(proposal, 0, place, repeated) };
    towers += 1;
    return { name: nameProposal(proposal, towers, place, repeated), number: towers };
  });
}
