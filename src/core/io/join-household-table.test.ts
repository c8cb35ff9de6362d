import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, SHARED_DATA_DIR } from '../../../test/helpers/run-cli';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { Hamlet } from '../types';
import { decodeText } from './decode-text';
import { joinHouseholdTable } from './join-household-table';
import { parseHamletsGeoJson } from './parse-hamlets';
import { formatWarning } from '../../i18n/format-message';

describe.skipIf(!hasSharedData)('joinHouseholdTable on the real 2019 census by GSO code', () => {
  let hamlets: Hamlet[];
  let census: string;
  beforeAll(() => {
    hamlets = parseHamletsGeoJson(readFileSync(join(SHARED_DATA_DIR, 'districts.geojson'), 'utf8'), 'districts.geojson', { ...DEFAULT_CONFIG.fields, id: ['code'] }).items;
    census = decodeText(readFileSync(join(SHARED_DATA_DIR, 'census-2019.csv'))).text;
  });

  it('gives every district its households and population, adding up to the province', () => {
    const { hamlets: joined, warnings } = joinHouseholdTable(hamlets, census, 'census-2019.csv', 'code');
    expect(warnings).toEqual([]);
    expect(joined).toHaveLength(11);
    expect(joined.find((hamlet) => hamlet.id === '941')).toMatchObject({ households: 35818, population: 137305 });
    expect(joined.reduce((sum, hamlet) => sum + (hamlet.households ?? 0), 0)).toBe(319732);
    expect(joined.reduce((sum, hamlet) => sum + (hamlet.population ?? 0), 0)).toBe(1199653);
    // The input is not modified.
    expect(hamlets.every((hamlet) => hamlet.households === undefined)).toBe(true);
  });

  it('lists the hamlets a table does not cover', () => {
    const firstRows = census.split('\n').slice(0, 4).join('\n');
    const { warnings } = joinHouseholdTable(hamlets, firstRows, 'census-2019.csv', 'code');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'join-unmatched' });
    expect(formatWarning('en', warnings[0])).toBe('hamlets with no row in census-2019.csv by "code" (10): 942, 943, 944, 945, 946 and 5 more');
  });
});
