/**
 * The hand-drawn shapes of the demo dataset: a synthetic outline of Sóc Trăng province, the seed
 * points the district Voronoi partition starts from, the towns' approximate seats, and the
 * "remote" areas left without BTS. Shapes are approximate on purpose: this is demo data, not an
 * official boundary (the names, codes and census figures are real: `soc-trang-frame.ts`).
 */
import type { Position } from '../../src/core';

/** Province code of Sóc Trăng in the GSO list. */
export const PROVINCE_CODE = '94';

/** Census 2019 province totals (GSO): the commune rows of `soc-trang-frame.ts` add up to these. */
export const PROVINCE_CENSUS_2019 = { households: 319_732, population: 1_199_653 } as const;

/**
 * Synthetic province outline, clockwise from the northern tip of Kế Sách: the Hậu river bank
 * to the north-east, the island-like strip of Cù Lao Dung cut off by a channel, the East Sea
 * coast of Trần Đề and Vĩnh Châu to the south-east, and the land border with Bạc Liêu and
 * Hậu Giang to the west. Closed ring, `[lng, lat]`.
 */
export const PROVINCE_OUTLINE: Position[] = [
  [105.925, 9.945], [105.975, 9.915], [106.02, 9.87], [106.055, 9.82], [106.085, 9.78],
  [106.135, 9.735], [106.19, 9.685], [106.24, 9.63], [106.28, 9.585], [106.295, 9.555],
  [106.27, 9.54], [106.23, 9.575], [106.175, 9.635], [106.12, 9.69], [106.08, 9.735],
  [106.065, 9.728], [106.1, 9.68], [106.15, 9.625], [106.2, 9.57], [106.24, 9.525],
  [106.2, 9.475], [106.14, 9.43], [106.075, 9.395], [106.01, 9.36], [105.945, 9.325],
  [105.88, 9.29], [105.815, 9.262], [105.77, 9.255], [105.745, 9.3], [105.7, 9.36],
  [105.64, 9.395], [105.585, 9.43], [105.56, 9.49], [105.555, 9.56], [105.575, 9.625],
  [105.63, 9.665], [105.7, 9.69], [105.76, 9.735], [105.815, 9.775], [105.845, 9.83],
  [105.88, 9.89], [105.925, 9.945],
];

/** One district-level unit's hand-drawn layout (its names and figures come from the real frame). */
export interface DistrictLayout {
  /** GSO district code (941–951). */
  code: string;
  /** Voronoi seeds of the district partition; several per district shape it more like the real one. */
  seeds: Position[];
  /** Approximate seats of the district's towns: the commune of that code is drawn there. */
  towns: { communeCode: string; position: Position }[];
}

/** The 11 district-level units of Sóc Trăng (before the July 2025 reorganisation). */
export const DISTRICTS: DistrictLayout[] = [
  { code: '941', seeds: [[105.972, 9.6]], towns: [{ communeCode: '31522', position: [105.973, 9.603] }] },
  {
    code: '942', seeds: [[105.87, 9.705], [105.933, 9.672], [105.893, 9.6], [105.93, 9.745]],
    towns: [{ communeCode: '31569', position: [105.905, 9.712] }],
  },
  {
    code: '943', seeds: [[105.925, 9.865], [105.985, 9.805], [106.035, 9.775], [105.89, 9.81]],
    towns: [{ communeCode: '31528', position: [105.985, 9.775] }, { communeCode: '31531', position: [105.945, 9.875] }],
  },
  {
    code: '944', seeds: [[105.79, 9.65], [105.72, 9.655], [105.835, 9.585], [105.8, 9.7]],
    towns: [{ communeCode: '31567', position: [105.815, 9.632] }],
  },
  {
    code: '945', seeds: [[106.11, 9.745], [106.16, 9.69], [106.21, 9.632], [106.255, 9.578]],
    towns: [{ communeCode: '31615', position: [106.17, 9.675] }],
  },
  {
    code: '946', seeds: [[106.05, 9.6], [106.011, 9.668], [106.06, 9.7], [106.105, 9.635]],
    towns: [{ communeCode: '31639', position: [106.11, 9.615] }, { communeCode: '31645', position: [106.05, 9.705] }],
  },
  {
    code: '947', seeds: [[105.933, 9.533], [106.011, 9.533], [105.88, 9.49], [105.835, 9.51]],
    towns: [{ communeCode: '31684', position: [105.985, 9.545] }],
  },
  {
    code: '948', seeds: [[105.6, 9.58], [105.65, 9.635], [105.615, 9.53]],
    towns: [{ communeCode: '31732', position: [105.605, 9.565] }],
  },
  {
    code: '949', seeds: [[105.69, 9.48], [105.64, 9.45], [105.735, 9.44], [105.73, 9.54]],
    towns: [{ communeCode: '31756', position: [105.735, 9.43] }, { communeCode: '31757', position: [105.67, 9.5] }],
  },
  {
    code: '950', seeds: [[105.765, 9.305], [105.82, 9.305], [105.88, 9.33], [105.96, 9.365], [106.035, 9.4]],
    towns: [{ communeCode: '31783', position: [105.985, 9.335] }],
  },
  {
    code: '951', seeds: [[106.12, 9.49], [106.185, 9.52], [106.07, 9.45], [106.145, 9.565]],
    towns: [{ communeCode: '31673', position: [106.19, 9.51] }, { communeCode: '31679', position: [106.135, 9.465] }],
  },
];

/** An elliptic area (radii in metres) where the BTS generator places no site. */
export interface RemoteArea {
  label: string;
  center: Position;
  radiusEastMeters: number;
  radiusNorthMeters: number;
}

/**
 * Remote canal and coastal areas kept free of BTS, so some hamlets stay uncovered by mobile
 * broadband the way the plan describes (Thạnh Trị / Ngã Năm canals, the Vĩnh Châu and
 * Cù Lao Dung coast).
 */
export const REMOTE_AREAS: RemoteArea[] = [
  { label: 'Thạnh Trị canals', center: [105.62, 9.455], radiusEastMeters: 9000, radiusNorthMeters: 8500 },
  { label: 'Ngã Năm west', center: [105.575, 9.6], radiusEastMeters: 7000, radiusNorthMeters: 6500 },
  { label: 'Vĩnh Châu west coast', center: [105.83, 9.275], radiusEastMeters: 9000, radiusNorthMeters: 6500 },
  { label: 'Vĩnh Châu east coast', center: [106.05, 9.385], radiusEastMeters: 8000, radiusNorthMeters: 6500 },
  { label: 'Cù Lao Dung tip', center: [106.27, 9.565], radiusEastMeters: 5000, radiusNorthMeters: 5000 },
];
