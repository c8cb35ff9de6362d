// The user's column choice on a layer's attributes (Shapefile, GeoPackage, GeoJSON properties), as on a
// table's columns: the chosen attribute is what the parser reads, another that would match gives way, no
// value is lost. The TCVN3 Shapefile with unknown attribute names is written by
// scripts/fixtures/build-odd-attribute-fixtures.sh.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import { applyPropertyChoice, fieldAliasesOf } from './choose-columns';
import { inspectFeatureBytes, parseInputBytes } from './parse-input-bytes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url)));
const square = { type: 'Polygon', coordinates: [[[105.9, 9.6], [105.91, 9.6], [105.91, 9.61], [105.9, 9.6]]] };
const layerOf = (properties: Record<string, unknown>[]) => ({ type: 'FeatureCollection', features: properties.map((props) => ({ type: 'Feature', properties: props, geometry: square })) });

describe('applyPropertyChoice', () => {
  it('renames the chosen attribute to the field the parser reads, and moves aside one that would match', () => {
    const layer = layerOf([{ MA: 'A1', F3: 'Ấp 1', TEN: 'xã cũ' }]);
    const chosen = applyPropertyChoice(layer, fieldAliasesOf('hamlets', DEFAULT_CONFIG.fields), { name: 'F3' });
    expect(chosen.features[0].properties).toEqual({ MA: 'A1', name: 'Ấp 1', TEN_2: 'xã cũ' });
    expect(layer.features[0].properties).toEqual({ MA: 'A1', F3: 'Ấp 1', TEN: 'xã cũ' });
  });

  it('leaves the layer alone for an attribute it does not have or a field the layer has no alias for', () => {
    const layer = layerOf([{ MA: 'A1' }]);
    expect(applyPropertyChoice(layer, fieldAliasesOf('sites', DEFAULT_CONFIG.fields), { operator: 'DN', colour: 'MA' })).toBe(layer);
  });

  it('keeps every value and gives every feature distinct attribute names, whatever is chosen', () => {
    const name = fc.constantFrom('F1', 'F3', 'name', 'NAME', 'ten', 'ten_ap', 'xa', 'XA', 'name_2', 'huyen');
    fc.assert(
      fc.property(fc.array(fc.dictionary(name, fc.string(), { maxKeys: 6 }), { minLength: 1, maxLength: 5 }), fc.dictionary(fc.constantFrom('name', 'commune', 'district', 'id'), name), (rows, choice) => {
        const chosen = applyPropertyChoice(layerOf(rows), fieldAliasesOf('hamlets', DEFAULT_CONFIG.fields), choice);
        chosen.features.forEach((feature, index) => {
          const keys = Object.keys(feature.properties);
          expect(new Set(keys).size).toBe(keys.length);
          expect(Object.values(feature.properties).sort()).toEqual(Object.values(rows[index]).sort());
        });
      }),
      { seed: 20261203 },
    );
  });
});

describe('a Shapefile whose attribute names no alias knows', () => {
  const bytes = fixture('readGisFiles/in/hamlets-odd-attributes-tcvn3-shp.zip');

  it('lists its attributes for the mapping step', async () => {
    expect(await inspectFeatureBytes('ap.zip', bytes)).toEqual({ headers: ['MA', 'F3', 'DVHC', 'HUYEN_TX', 'SO_HO'], featureCount: 3 });
  });

  it('gives the hamlets their names, communes and districts from the attributes the user mapped', async () => {
    const unmapped = await parseInputBytes('hamlets', 'ap.zip', bytes, DEFAULT_CONFIG);
    expect(unmapped.input.hamlets?.map((hamlet) => hamlet.name)).toEqual(['', '', '']);
    const parsed = await parseInputBytes('hamlets', 'ap.zip', bytes, DEFAULT_CONFIG, { columns: { id: 'MA', name: 'F3', commune: 'DVHC', district: 'HUYEN_TX' } });
    // TCVN3 bytes without a .cpg are read as code page 1258 (the .dbf's bytes decoded by Python's cp1258
    // codec, then NFC): the legacy-font warning tells the user; the text is kept as the file has it.
    expect(parsed.input.hamlets?.map((hamlet) => [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households])).toEqual([
      ['A01', 'Êp Hßa §«ng', 'X· §¹i T©m', 'HuyÖn Mü Xuyªn', 412],
      ['A02', 'Kh\u0103m 3', 'Ph\u00adêng 5', 'Thµnh phè S\u0103c Tr¨ng', 1234],
      ['A03', 'Êp Phó H\u01a1u', 'X· §¹i T©m', 'HuyÖn Mü Xuyªn', 305],
    ]);
    expect(parsed.summaries[0].warnings.map((warning) => warning.code)).toContain('legacy-vietnamese-font');
    expect(parsed.summaries[0].warnings.map((warning) => warning.code)).not.toContain('missing-name');
  });
});
