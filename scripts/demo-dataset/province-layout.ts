/**
 * The hand-drawn frame of the demo dataset: a synthetic outline of Sóc Trăng province, the 11
 * district-level units with their real names, GSO codes and 2019 census totals, the seed points
 * the district Voronoi partition starts from, and the "remote" areas left without BTS.
 * Shapes are approximate on purpose: this is demo data, not an official boundary.
 */
import type { Position } from '../../src/core';

/** Province code of Sóc Trăng in the GSO list. */
export const PROVINCE_CODE = '94';

/** Census 2019 province totals (GSO): the per-district rows below add up to these. */
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

/** `city` = thành phố (all phường), `town` = thị xã (phường + xã), `rural` = huyện (thị trấn + xã). */
export type DistrictKind = 'city' | 'town' | 'rural';

/** One district-level unit and everything the generator needs to know about it. */
export interface DistrictLayout {
  code: string;
  name: string;
  kind: DistrictKind;
  /** Census 2019 households and population (GSO), hardcoded public totals. */
  households: number;
  population: number;
  /** Voronoi seeds of the district partition; several per district shape it more like the real one. */
  seeds: Position[];
  /** Approximate seat (and second town, if any); the commune holding it becomes urban. */
  towns: Position[];
  /** Number of communes (xã / phường / thị trấn) to draw. */
  communeCount: number;
  /** Urban communes: phường in a city or thị xã, thị trấn in a huyện. */
  urbanCommuneCount: number;
}

/** The 11 district-level units of Sóc Trăng (before the July 2025 reorganisation). */
export const DISTRICTS: DistrictLayout[] = [
  {
    code: '941', name: 'Thành phố Sóc Trăng', kind: 'city', households: 35_818, population: 137_305,
    seeds: [[105.972, 9.6]], towns: [[105.973, 9.603]], communeCount: 9, urbanCommuneCount: 9,
  },
  {
    code: '942', name: 'Huyện Châu Thành', kind: 'rural', households: 25_173, population: 95_188,
    seeds: [[105.87, 9.705], [105.933, 9.672], [105.893, 9.6], [105.93, 9.745]],
    towns: [[105.905, 9.712]], communeCount: 8, urbanCommuneCount: 1,
  },
  {
    code: '943', name: 'Huyện Kế Sách', kind: 'rural', households: 42_109, population: 149_156,
    seeds: [[105.925, 9.865], [105.985, 9.805], [106.035, 9.775], [105.89, 9.81]],
    towns: [[105.985, 9.775], [105.945, 9.875]], communeCount: 12, urbanCommuneCount: 2,
  },
  {
    code: '944', name: 'Huyện Mỹ Tú', kind: 'rural', households: 25_369, population: 90_524,
    seeds: [[105.79, 9.65], [105.72, 9.655], [105.835, 9.585], [105.8, 9.7]],
    towns: [[105.815, 9.632]], communeCount: 9, urbanCommuneCount: 1,
  },
  {
    code: '945', name: 'Huyện Cù Lao Dung', kind: 'rural', households: 16_874, population: 58_304,
    seeds: [[106.11, 9.745], [106.16, 9.69], [106.21, 9.632], [106.255, 9.578]],
    towns: [[106.17, 9.675]], communeCount: 7, urbanCommuneCount: 1,
  },
  {
    code: '946', name: 'Huyện Long Phú', kind: 'rural', households: 26_541, population: 94_255,
    seeds: [[106.05, 9.6], [106.011, 9.668], [106.06, 9.7], [106.105, 9.635]],
    towns: [[106.11, 9.615], [106.05, 9.705]], communeCount: 10, urbanCommuneCount: 2,
  },
  {
    code: '947', name: 'Huyện Mỹ Xuyên', kind: 'rural', households: 38_016, population: 150_067,
    seeds: [[105.933, 9.533], [106.011, 9.533], [105.88, 9.49], [105.835, 9.51]],
    towns: [[105.985, 9.545]], communeCount: 11, urbanCommuneCount: 1,
  },
  {
    code: '948', name: 'Thị xã Ngã Năm', kind: 'town', households: 19_694, population: 74_115,
    seeds: [[105.6, 9.58], [105.65, 9.635], [105.615, 9.53]],
    towns: [[105.605, 9.565]], communeCount: 8, urbanCommuneCount: 3,
  },
  {
    code: '949', name: 'Huyện Thạnh Trị', kind: 'rural', households: 20_186, population: 73_596,
    seeds: [[105.69, 9.48], [105.64, 9.45], [105.735, 9.44], [105.73, 9.54]],
    towns: [[105.735, 9.43], [105.67, 9.5]], communeCount: 9, urbanCommuneCount: 2,
  },
  {
    code: '950', name: 'Thị xã Vĩnh Châu', kind: 'town', households: 40_139, population: 164_680,
    seeds: [[105.765, 9.305], [105.82, 9.305], [105.88, 9.33], [105.96, 9.365], [106.035, 9.4]],
    towns: [[105.985, 9.335]], communeCount: 10, urbanCommuneCount: 4,
  },
  {
    code: '951', name: 'Huyện Trần Đề', kind: 'rural', households: 29_813, population: 112_463,
    seeds: [[106.12, 9.49], [106.185, 9.52], [106.07, 9.45], [106.145, 9.565]],
    towns: [[106.19, 9.51], [106.135, 9.465]], communeCount: 10, urbanCommuneCount: 2,
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
