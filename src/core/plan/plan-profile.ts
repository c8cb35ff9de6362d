/**
 * The plan as data: what it is called, who reports on it, the area it covers (whose name and
 * authorities changed on 1 July 2025), its horizon, its targets and the units it reports by.
 */
import { SOC_TRANG_PLAN_TARGETS } from '../config/default-config';
import type { PlanTarget } from '../types';

/** A grouping of hamlets the plan reports by: old district, old commune, post-2025 commune. */
export type PlanGrouping = 'district' | 'commune' | 'new_commune';
export const PLAN_GROUPINGS: readonly PlanGrouping[] = ['district', 'commune', 'new_commune'];

/**
 * Who governs the planning area, and what it is called, from a date on. The report's header (the
 * governing body over the issuing body, the number's suffix, the place before the date) comes from
 * the period in force on the report's date.
 */
export interface PlanAuthority {
  /** ISO date (`2025-07-01`) the period starts; null for the first period. */
  from: string | null;
  /** The planning area's name: `Tỉnh Sóc Trăng`, `Thành phố Cần Thơ`. */
  areaName: string;
  /** The governing body, the header's first line (written in capitals there: `UBND tỉnh Sóc Trăng`). */
  governingBody: string;
  /** The body that writes the report, the header's second line (in capitals there: `Sở Thông tin và Truyền thông`). */
  issuingBody: string;
  /** The issuing body's abbreviation in the document number (`Số: …/BC-STTTT`). */
  issuerCode: string;
  /** The place before the date (`Sóc Trăng, ngày … tháng … năm …`). */
  place: string;
  /** To whom the report goes (`Ủy ban nhân dân tỉnh Sóc Trăng`). */
  recipient: string;
}

/** A plan: its names, years, targets, the units it reports by and its authorities over time. */
export interface PlanProfile {
  /** A stable id (`soc-trang-2025`), kept in project files and snapshots. */
  id: string;
  /** The plan's full name, as the report's title cites it. */
  title: string;
  /** A short name for the app's header and the print subtitle (`Hạ tầng số Sóc Trăng`). */
  shortTitle: string;
  /** The short name in English, for the English interface; the Vietnamese one when absent. */
  shortTitleEn?: string;
  /** First and last year of the plan. */
  startYear: number;
  horizonYear: number;
  /** The groupings the report has a table for, in order (at least one). */
  grouping: PlanGrouping[];
  /** The plan's targets (threshold, comparator, unit, computed or entered as an indicator). */
  targets: PlanTarget[];
  /** Periods of the area's administration, in date order (the first has `from: null`). */
  authorities: PlanAuthority[];
}

const SOC_TRANG_PROVINCE: PlanAuthority = {
  from: null,
  areaName: 'Tỉnh Sóc Trăng',
  governingBody: 'UBND tỉnh Sóc Trăng',
  issuingBody: 'Sở Thông tin và Truyền thông',
  issuerCode: 'STTTT',
  place: 'Sóc Trăng',
  recipient: 'Ủy ban nhân dân tỉnh Sóc Trăng',
};

/** The merged city from 1 July 2025: Sóc Trăng, Hậu Giang and Cần Thơ; no district level. */
export const CAN_THO_CITY_AUTHORITY: PlanAuthority = {
  from: '2025-07-01',
  areaName: 'Thành phố Cần Thơ',
  governingBody: 'UBND thành phố Cần Thơ',
  issuingBody: 'Sở Khoa học và Công nghệ',
  issuerCode: 'SKHCN',
  place: 'Cần Thơ',
  recipient: 'Ủy ban nhân dân thành phố Cần Thơ',
};

/**
 * The Sóc Trăng *Plan for digital infrastructure to 2025*, the default profile. The Department of
 * Information and Communications became part of the Department of Science and Technology on
 * 1 March 2025, and the province part of Thành phố Cần Thơ on 1 July 2025.
 */
export const SOC_TRANG_2025_PROFILE: PlanProfile = {
  id: 'soc-trang-2025',
  title: 'Kế hoạch phát triển hạ tầng số tỉnh Sóc Trăng đến năm 2025',
  shortTitle: 'Hạ tầng số Sóc Trăng',
  shortTitleEn: 'Sóc Trăng digital infrastructure',
  startYear: 2021,
  horizonYear: 2025,
  grouping: ['district', 'commune'],
  targets: SOC_TRANG_PLAN_TARGETS,
  authorities: [
    SOC_TRANG_PROVINCE,
    { ...SOC_TRANG_PROVINCE, from: '2025-03-01', issuingBody: 'Sở Khoa học và Công nghệ', issuerCode: 'SKHCN' },
    CAN_THO_CITY_AUTHORITY,
  ],
};

/**
 * The authority in force on a date: the last period whose `from` is on or before it.
 * @param profile the plan
 * @param isoDate `YYYY-MM-DD`
 * @returns the period (the first one for a date before every `from`)
 * @example planAuthorityOn(SOC_TRANG_2025_PROFILE, '2025-07-01').areaName // 'Thành phố Cần Thơ'
 */
export function planAuthorityOn(profile: PlanProfile, isoDate: string): PlanAuthority {
  let found = profile.authorities[0];
  for (const authority of profile.authorities) {
    if (authority.from === null || authority.from <= isoDate) found = authority;
  }
  return found;
}

/** What a derived plan changes; everything else is taken from the plan it starts from. */
export type PlanProfileChanges = Partial<Omit<PlanProfile, 'authorities'>> & Pick<PlanProfile, 'id'>;

/**
 * A new plan made from another (for example a 2026–2030 plan of the merged city): the given fields
 * replace the base's, the targets are copied (or replaced when given), and the authorities start
 * with the one in force on the new plan's first day.
 * @param base the plan to start from
 * @param changes the new plan's id and any fields it changes
 * @returns a new profile (the base is not changed)
 * @example derivePlanProfile(SOC_TRANG_2025_PROFILE, { id: 'can-tho-2030', startYear: 2026, horizonYear: 2030 }).authorities[0].areaName // 'Thành phố Cần Thơ'
 */
export function derivePlanProfile(base: PlanProfile, changes: PlanProfileChanges): PlanProfile {
  const startYear = changes.startYear ?? base.startYear;
  const firstDay = `${String(startYear).padStart(4, '0')}-01-01`;
  const current = planAuthorityOn(base, firstDay);
  const later = base.authorities.filter((authority) => authority.from !== null && authority.from > firstDay);
  return {
    id: changes.id,
    title: changes.title ?? base.title,
    shortTitle: changes.shortTitle ?? base.shortTitle,
    ...(changes.shortTitleEn ?? base.shortTitleEn ? { shortTitleEn: changes.shortTitleEn ?? base.shortTitleEn } : {}),
    startYear,
    horizonYear: changes.horizonYear ?? base.horizonYear,
    grouping: [...(changes.grouping ?? base.grouping)],
    targets: (changes.targets ?? base.targets).map((target) => ({ ...target })),
    authorities: [{ ...current, from: null }, ...later.map((authority) => ({ ...authority }))],
  };
}

/**
 * The short name in the interface's language.
 * @param profile the plan
 * @param locale `vi` or `en`
 * @returns `shortTitleEn` in English when the plan has one, else `shortTitle`
 * @example planShortTitle(SOC_TRANG_2025_PROFILE, 'vi') // 'Hạ tầng số Sóc Trăng'
 */
export function planShortTitle(profile: PlanProfile, locale: 'vi' | 'en'): string {
  return locale === 'en' && profile.shortTitleEn ? profile.shortTitleEn : profile.shortTitle;
}
