import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { formatSitingMessage } from '../../i18n/siting-text';
import { SHARED_TOWER_OPERATOR } from '../types';
import { communeLabel, findRepeatedCommuneNames, nameProposal, nameRankedProposals, shortDistrictName, type NameableProposal, type NamingPlace } from './name-proposal';

interface NamingCase {
  hamlets: NamingPlace[];
  ranked: { proposal: NameableProposal; place: NamingPlace | null }[];
}

/** A case: the hamlets in use (their communes) and a ranked set; out: each name as code, Vietnamese and English. */
describeGolden('nameRankedProposals', (goldenCase) => {
  const { hamlets, ranked } = goldenCase.json() as NamingCase;
  return nameRankedProposals(ranked, findRepeatedCommuneNames(hamlets)).map(({ name, number }) => ({ number, name, vi: formatSitingMessage(name, 'vi'), en: formatSitingMessage(name, 'en') }));
});

const tower = (id: string): NameableProposal => ({ id, kind: 'new', operator: SHARED_TOWER_OPERATOR });
const upgrade = (site: string): NameableProposal => ({ id: `upgrade:${site}:VNPT`, kind: 'upgrade', hostSiteId: site, operator: 'VNPT' });

describe('proposal names', () => {
  it('writes a thị xã and a thành phố short, a huyện whole', () => {
    expect(shortDistrictName('Thị xã Vĩnh Châu')).toBe('TX Vĩnh Châu');
    expect(shortDistrictName('Thành phố Sóc Trăng')).toBe('TP Sóc Trăng');
    expect(shortDistrictName('Huyện Cù Lao Dung')).toBe('Huyện Cù Lao Dung');
  });

  it('finds a name repeated only when it stands for communes of different districts', () => {
    const repeated = findRepeatedCommuneNames([
      { commune: 'Phường 1', district: 'Thị xã Vĩnh Châu' },
      { commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu' },
      { commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu' },
      { commune: 'Phường 1', district: 'Thị xã Ngã Năm' },
    ]);
    expect([...repeated]).toEqual(['Phường 1']);
    expect(communeLabel({ commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu' }, repeated)).toBe('Xã Lạc Hòa');
    expect(communeLabel({ commune: 'Phường 1', district: 'Thị xã Ngã Năm' }, repeated)).toBe('Phường 1, TX Ngã Năm');
  });

  it('names the district once, never twice, whatever the template', () => {
    const place = { commune: 'Phường 1', district: 'Thị xã Vĩnh Châu' };
    for (const locale of ['vi', 'en'] as const) {
      const text = formatSitingMessage(nameProposal(tower('grid:101:79'), 3, place, new Set(['Phường 1'])), locale);
      expect(text.split('Vĩnh Châu')).toHaveLength(2);
      expect(text).not.toContain('grid:');
    }
  });

  it('renumbers the new towers when the ranks change: the numbers follow the ranks, not the ids', () => {
    const places = { commune: 'Xã Lạc Hòa', district: 'Thị xã Vĩnh Châu' };
    const before = nameRankedProposals([tower('a'), upgrade('ST1'), tower('b')].map((proposal) => ({ proposal, place: places })), new Set());
    expect(before.map((named) => named.number)).toEqual([1, undefined, 2]);
    const after = nameRankedProposals([tower('b'), upgrade('ST1'), tower('a')].map((proposal) => ({ proposal, place: places })), new Set());
    expect(after.map((named) => formatSitingMessage(named.name, 'vi'))).toEqual(['Trạm mới số 1 — Xã Lạc Hòa', 'Nâng cấp trạm ST1 (thêm VNPT) — Xã Lạc Hòa', 'Trạm mới số 2 — Xã Lạc Hòa']);
  });

  it('numbers the new towers 1 … k in rank order for any mix of towers and upgrades (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (isTower) => {
        const named = nameRankedProposals(isTower.map((flag, k) => ({ proposal: flag ? tower(`t${k}`) : upgrade(`S${k}`), place: null })), new Set());
        const numbers = named.filter((_, k) => isTower[k]).map((item) => item.number);
        expect(numbers).toEqual(numbers.map((_, k) => k + 1));
        expect(named.filter((_, k) => !isTower[k]).every((item) => item.number === undefined)).toBe(true);
        // Every name is different: new towers by number, upgrades by host site.
        expect(new Set(named.map((item) => formatSitingMessage(item.name, 'vi'))).size).toBe(named.length);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
