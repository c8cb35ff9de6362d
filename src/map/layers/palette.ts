/**
 * Colours of the map. Coverage uses blue / yellow / vermillion from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies (and in greyscale: dark / light / mid).
 */
export const COVERAGE_COLORS = {
  covered: '#0072B2',
  partial: '#F0E442',
  none: '#D55E00',
  noData: '#BBBBBB',
} as const;

export const SITE_COLORS = { shared: '#CC79A7', single: '#000000', halo: '#FFFFFF' } as const;
export const FIBRE_COLOR = '#009E73';
export const OUTLINE_COLORS = { province: '#222222', district: '#444444', commune: '#777777', hamlet: '#FFFFFF', highlight: '#00E5FF' } as const;
export const BACKGROUND_COLOR = '#EEF2F0';

/**
 * Approximate hamlets (areas built from a point or a commune, not surveyed boundaries): a dark dashed
 * edge and a thin diagonal hatch, readable over every coverage colour and in greyscale.
 */
export const APPROXIMATE_STYLE = { color: '#222222', widthPx: 1.4, dash: [2, 1.5] as readonly number[], hatchSpacingPx: 8, hatchAlpha: 0.55 } as const;

/**
 * Colours of the change between two snapshots: gains bluish green and losses vermillion (Okabe–Ito),
 * what stayed the same in pale tones, hamlets new since the earlier snapshot yellow.
 */
export const CHANGE_COLORS = { newly: '#009E73', lost: '#D55E00', covered: '#C6DBEF', none: '#DDDDDD', new: '#F0E442' } as const;

/**
 * Reference (context) layers, drawn under the coverage: areas in a pale warm grey with a darker edge
 * (neighbouring provinces, the sea), lines in a muted blue-grey (rivers, canals, roads), so neither
 * competes with the coverage classes; labels in dark grey.
 */
export const REFERENCE_COLORS = { areaFill: '#E3DED4', areaOutline: '#8F887C', line: '#5B7F9E', label: '#3D3D3D', lineLabel: '#2F4F6B' } as const;
