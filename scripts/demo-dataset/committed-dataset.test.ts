/**
 * Invariants of the committed default dataset in public/geodata/, checked by reading the files
 * (regenerating the full dataset would make the suite slow).
 */
import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, booleanValid, feature, featureCollection, intersect } from '@turf/turf';
import Flatbush from 'flatbush';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SOC_TRANG_PLAN_TARGETS, type IndicatorValue, type PolygonGeometry } from '../../src/core';
import { PROVINCE_POLYGON } from './build-admin-units';
import { MOBILE_OPERATORS } from './build-bts-sites';
import { DEMO_NOTE, type DemoFeatureCollection, type FibreProperties, type HamletProperties, type PointGeometry, type SiteProperties } from './generate-demo-dataset';
import { polygonBbox } from './geometry-utils';
import { PROVINCE_CENSUS_2019 } from './province-layout';
import { DATA_FILE_NAMES, sha256Hex, type DatasetManifest } from './serialize-dataset';
import { SOC_TRANG_COMMUNES } from './soc-trang-frame';
import { summarizeDemoDataset } from './summarize-dataset';

const geodataDir = new URL('../../public/geodata/', import.meta.url);
const readText = (name: string): string => readFileSync(new URL(name, geodataDir), 'utf8');

const manifest = JSON.parse(readText('manifest.json')) as DatasetManifest;
const hamlets = JSON.parse(readText('hamlets.geojson')) as DemoFeatureCollection<PolygonGeometry, HamletProperties>;
const sites = JSON.parse(readText('sites.geojson')) as DemoFeatureCollection<PointGeometry, SiteProperties>;
const fibre = JSON.parse(readText('fibre.geojson')) as DemoFeatureCollection<PointGeometry, FibreProperties>;
const indicators = JSON.parse(readText('indicators.json')) as { demo: boolean; note: string; rows: IndicatorValue[] };
const merger = Papa.parse<Record<string, string>>(readText('merger-2025.csv'), { header: true, skipEmptyLines: true });
const frameByCode = new Map(SOC_TRANG_COMMUNES.map((commune) => [commune.code, commune]));

/** Metres in a local frame at the province's latitude (enough for a closeness test). */
function toMeters([lng, lat]: number[]): [number, number] {
  return [lng * 111_320 * Math.cos((9.6 * Math.PI) / 180), lat * 110_574];
}

function distanceToRingMeters(point: [number, number], ring: [number, number][]): number {
  let best = Infinity;
  for (let index = 1; index < ring.length; index++) {
    const [ax, ay] = ring[index - 1];
    const [bx, by] = ring[index];
    const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / lengthSquared));
    best = Math.min(best, Math.hypot(point[0] - (ax + t * (bx - ax)), point[1] - (ay + t * (by - ay))));
  }
  return best;
}

/**
 * Whether two polygons' boundaries run together for 100 m or more: the vertices of either within
 * 1 m of the other's boundary spread over at least 100 m (a corner touch gives one point).
 * Coordinates rounded to 6 decimals leave centimetre gaps, so exact union would split land.
 */
function doBordersRunTogether(a: PolygonGeometry, b: PolygonGeometry): boolean {
  const ringA = a.coordinates[0].map(toMeters);
  const ringB = b.coordinates[0].map(toMeters);
  const near = [...ringA.filter((point) => distanceToRingMeters(point, ringB) <= 1), ...ringB.filter((point) => distanceToRingMeters(point, ringA) <= 1)];
  return near.some((point) => near.some((other) => Math.hypot(point[0] - other[0], point[1] - other[1]) >= 100));
}
const summary = summarizeDemoDataset(hamlets, sites, fibre);

describe('committed manifest', () => {
  it('matches the files on disk', () => {
    expect(Object.keys(manifest.files)).toEqual([...DATA_FILE_NAMES]);
    for (const name of DATA_FILE_NAMES) {
      const text = readText(name);
      expect(manifest.files[name].sha256, name).toBe(sha256Hex(text));
      expect(manifest.files[name].bytes, name).toBe(Buffer.byteLength(text, 'utf8'));
    }
    expect(manifest.files['hamlets.geojson'].features).toBe(hamlets.features.length);
  });

  it('flags the dataset as demo and keeps it under 5 MB', () => {
    expect(manifest.demo).toBe(true);
    const totalBytes = Object.values(manifest.files).reduce((sum, file) => sum + file.bytes, 0);
    expect(totalBytes).toBeLessThan(5 * 1024 * 1024);
    for (const layer of [hamlets, sites, fibre, indicators]) expect([layer.demo, layer.note]).toEqual([true, DEMO_NOTE]);
  });
});

describe('committed hamlets', () => {
  it('has the 11 real districts, the 108 real communes and 800–1,000 hamlets', () => {
    expect(summary.districts).toBe(11);
    expect(summary.communes).toBe(108);
    expect(summary.hamlets).toBeGreaterThanOrEqual(800);
    expect(summary.hamlets).toBeLessThanOrEqual(1000);
  });

  it('gives each hamlet its commune’s real names and codes, district and 2025 unit', () => {
    for (const { properties } of hamlets.features) {
      const commune = frameByCode.get(properties.commune_code);
      expect(commune, properties.id).toBeDefined();
      expect([properties.commune, properties.district_code, properties.district, properties.new_code, properties.new_name], properties.id).toEqual([
        commune?.name,
        commune?.districtCode,
        commune?.districtName,
        commune?.newCode,
        commune?.newName,
      ]);
    }
    expect(new Set(hamlets.features.map((hamlet) => hamlet.properties.commune_code))).toEqual(new Set(frameByCode.keys()));
  });

  it('adds up to the census 2019 figures, commune by commune, and to the province total', () => {
    expect(summary.households).toBe(PROVINCE_CENSUS_2019.households);
    expect(summary.population).toBe(PROVINCE_CENSUS_2019.population);
    for (const commune of SOC_TRANG_COMMUNES) {
      const members = hamlets.features.filter((hamlet) => hamlet.properties.commune_code === commune.code);
      expect(members.reduce((sum, hamlet) => sum + hamlet.properties.households, 0), commune.code).toBe(commune.households);
      expect(members.reduce((sum, hamlet) => sum + hamlet.properties.population, 0), commune.code).toBe(commune.population);
    }
    for (const hamlet of hamlets.features) expect(hamlet.properties.population).toBeGreaterThanOrEqual(hamlet.properties.households);
  });

  it('has unique ids made of the commune code and the right ấp / khóm prefixes', () => {
    expect(new Set(hamlets.features.map((hamlet) => hamlet.properties.id)).size).toBe(hamlets.features.length);
    const namesInCommune = new Map<string, Set<string>>();
    for (const { properties } of hamlets.features) {
      expect(properties.id).toMatch(new RegExp(`^${properties.commune_code}-\\d{2}$`));
      const isUrban = /^(Phường|Thị trấn) /.test(properties.commune);
      expect(properties.name).toMatch(isUrban ? /^Khóm \d+$/ : /^Ấp \S/);
      const names = namesInCommune.get(properties.commune_code) ?? new Set<string>();
      expect(names.has(properties.name)).toBe(false);
      namesInCommune.set(properties.commune_code, names.add(properties.name));
    }
  });

  it('draws every 2025 unit as one piece of land, across a district border where the merger crosses one', () => {
    const newCodes = [...new Set(hamlets.features.map((hamlet) => hamlet.properties.new_code))];
    expect(newCodes).toHaveLength(43);
    for (const newCode of newCodes) {
      const members = hamlets.features.filter((hamlet) => hamlet.properties.new_code === newCode).map((hamlet) => hamlet.geometry);
      const reached = new Set([0]);
      const queue = [0];
      while (queue.length > 0) {
        const current = queue.pop() as number;
        members.forEach((other, index) => {
          if (reached.has(index) || !doBordersRunTogether(members[current], other)) return;
          reached.add(index);
          queue.push(index);
        });
      }
      expect(reached.size, newCode).toBe(members.length);
    }
    const districtsOf = (newCode: string) => new Set(hamlets.features.filter((hamlet) => hamlet.properties.new_code === newCode).map((hamlet) => hamlet.properties.district_code));
    // Art. 1(25), 1(73), 1(85) of Resolution 1668/NQ-UBTVQH15 join communes of two districts.
    expect([districtsOf('31684'), districtsOf('31552'), districtsOf('31741')]).toEqual([new Set(['941', '947']), new Set(['943', '946']), new Set(['948', '949'])]);
  });

  it('has only valid single polygons, rounded to 6 decimals', () => {
    for (const hamlet of hamlets.features) {
      expect(hamlet.geometry.type).toBe('Polygon');
      expect(booleanValid(hamlet.geometry), hamlet.properties.id).toBe(true);
      for (const [lng, lat] of hamlet.geometry.coordinates[0]) {
        expect(Math.round(lng * 1e6) / 1e6).toBe(lng);
        expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
      }
    }
  });

  it('partitions the province: areas add up and neighbours do not overlap', () => {
    const areasM2 = hamlets.features.map((hamlet) => area(hamlet.geometry));
    const totalM2 = areasM2.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(totalM2 / area(PROVINCE_POLYGON) - 1)).toBeLessThan(0.005);
    const index = new Flatbush(hamlets.features.length);
    for (const hamlet of hamlets.features) index.add(...polygonBbox(hamlet.geometry));
    index.finish();
    // Every 7th hamlet against all hamlets whose boxes touch it (≈ 750 pairs).
    for (let self = 0; self < hamlets.features.length; self += 7) {
      for (const other of index.search(...polygonBbox(hamlets.features[self].geometry))) {
        if (other === self) continue;
        const common = intersect(featureCollection([feature(hamlets.features[self].geometry), feature(hamlets.features[other].geometry)]));
        const overlapM2 = common ? area(common) : 0;
        // Rounding to 6 decimals leaves centimetre-wide slivers along shared edges, nothing more.
        expect(overlapM2 / Math.min(areasM2[self], areasM2[other])).toBeLessThan(1e-3);
      }
    }
  });
});

describe('committed BTS and fibre', () => {
  it('has about 1,500 records at 1,100–1,300 sites, 20–25 % of them shared', () => {
    expect(summary.btsRecords).toBeGreaterThanOrEqual(1350);
    expect(summary.btsRecords).toBeLessThanOrEqual(1650);
    expect(summary.sites).toBeGreaterThanOrEqual(1100);
    expect(summary.sites).toBeLessThanOrEqual(1300);
    expect(summary.sharedSiteShare).toBeGreaterThanOrEqual(0.2);
    expect(summary.sharedSiteShare).toBeLessThanOrEqual(0.25);
  });

  it('ranks operators Viettel > VinaPhone > MobiFone > Vietnamobile', () => {
    const counts = MOBILE_OPERATORS.map((operator) => summary.recordsPerOperator[operator] ?? 0);
    expect(Object.keys(summary.recordsPerOperator).sort()).toEqual([...MOBILE_OPERATORS].sort());
    for (let rank = 1; rank < counts.length; rank++) expect(counts[rank]).toBeLessThan(counts[rank - 1]);
  });

  it('puts 5G only in towns (phường and thị trấn)', () => {
    const index = new Flatbush(hamlets.features.length);
    for (const hamlet of hamlets.features) index.add(...polygonBbox(hamlet.geometry));
    index.finish();
    const fiveG = sites.features.filter((site) => site.properties.technologies.split(';').includes('5G'));
    expect(fiveG.length).toBeGreaterThan(50);
    for (const site of fiveG) {
      const [lng, lat] = site.geometry.coordinates;
      const holder = index.search(lng, lat, lng, lat).find((candidate) => booleanPointInPolygon([lng, lat], hamlets.features[candidate].geometry));
      expect(holder).toBeDefined();
      expect(hamlets.features[holder as number].properties.commune).toMatch(/^(Phường|Thị trấn) /);
    }
  });

  it('keeps most records omnidirectional and 4G almost everywhere', () => {
    const sectorised = sites.features.filter((site) => site.properties.azimuth !== undefined);
    expect(sectorised.length).toBeGreaterThan(0);
    expect(sectorised.length / sites.features.length).toBeLessThan(0.1);
    expect(sectorised.every((site) => site.properties.beamwidth !== undefined)).toBe(true);
    const with4g = sites.features.filter((site) => site.properties.technologies.split(';').includes('4G'));
    expect(with4g.length / sites.features.length).toBeGreaterThan(0.9);
  });

  it('leaves 5–10 % of hamlets without mobile broadband and 10–20 % without FTTH', () => {
    expect(summary.uncoveredMobileShare).toBeGreaterThanOrEqual(0.05);
    expect(summary.uncoveredMobileShare).toBeLessThanOrEqual(0.1);
    expect(summary.uncoveredFtthShare).toBeGreaterThanOrEqual(0.1);
    expect(summary.uncoveredFtthShare).toBeLessThanOrEqual(0.2);
  });

  it('has 6,000–9,000 fibre access points with unique ids and known kinds', () => {
    expect(summary.fibrePoints).toBeGreaterThanOrEqual(6000);
    expect(summary.fibrePoints).toBeLessThanOrEqual(9000);
    expect(new Set(fibre.features.map((point) => point.properties.id)).size).toBe(fibre.features.length);
    for (const point of fibre.features) expect(['splitter', 'ODP', 'cabinet']).toContain(point.properties.kind);
  });
});

describe('committed indicators and merger table', () => {
  it('has one demo row per non-geodata plan target, shares in [0, 1]', () => {
    const targets = SOC_TRANG_PLAN_TARGETS.filter((target) => !target.computedFrom);
    expect(indicators.rows.map((row) => row.indicator)).toEqual(targets.map((target) => target.id));
    const met = targets.map((target, index) => {
      const { value } = indicators.rows[index];
      if (target.unit === 'share') expect(value).toBeGreaterThanOrEqual(0);
      if (target.unit === 'share') expect(value).toBeLessThanOrEqual(1);
      return target.comparator === '>=' ? value >= target.target : value > target.target;
    });
    expect(met).toContain(true);
    expect(met).toContain(false);
    expect(indicators.rows.every((row) => row.source === 'Dữ liệu minh họa')).toBe(true);
  });

  it('is the real merger table: every commune once, into its 2025 unit', () => {
    expect(merger.meta.fields).toEqual(['old_code', 'old_name', 'new_code', 'new_name']);
    expect(merger.data).toHaveLength(108);
    for (const row of merger.data) {
      const commune = frameByCode.get(row.old_code);
      expect([row.old_name, row.new_code, row.new_name], row.old_code).toEqual([commune?.name, commune?.newCode, commune?.newName]);
    }
    expect(new Set(merger.data.map((row) => row.old_code)).size).toBe(108);
    expect(new Set(merger.data.map((row) => row.new_code)).size).toBe(43);
  });
});
