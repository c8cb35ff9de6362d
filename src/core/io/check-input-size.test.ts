import { describe, expect, it } from 'vitest';
import { checkInputSize } from './check-input-size';

describe('checkInputSize', () => {
  it('accepts a file under the limit and refuses one above with what to do', () => {
    expect(checkInputSize(100 * 1024 * 1024, 'hamlets', 'ap.geojson')).toEqual({ ok: true, sizeBytes: 100 * 1024 * 1024, limitBytes: 200 * 1024 * 1024 });
    const refused = checkInputSize(300 * 1024 * 1024, 'hamlets', 'ap.geojson');
    expect(refused.ok).toBe(false);
    expect(refused.reason).toEqual({ code: 'file-too-large', params: { sizeMb: 300, limitMb: 200 } });
  });

  it('gives spreadsheets and indicator tables lower limits, and takes bytes too', () => {
    expect(checkInputSize(60 * 1024 * 1024, 'sites', 'tram.xlsx').ok).toBe(false);
    expect(checkInputSize(60 * 1024 * 1024, 'sites', 'tram.csv').ok).toBe(true);
    expect(checkInputSize(new Uint8Array(11 * 1024 * 1024), 'indicators').ok).toBe(false);
  });
});
