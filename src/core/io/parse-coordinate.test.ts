import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { parseCoordinate } from './parse-coordinate';
import { message } from '../messages';
import { readPosition } from './read-position';

describeGolden('parseCoordinate', (goldenCase) => Object.fromEntries((goldenCase.json() as string[]).map((text) => [text, parseCoordinate(text)])));

describe('parseCoordinate in the position reader', () => {
  it('reads a DMS pair as a site list writes it', () => {
    expect(readPosition('105°58\'12"E', '9°36\'N', { lng: message('in-column', { column: 'kinh_do' }), lat: message('in-column', { column: 'vi_do' }) })).toEqual({ ok: true, position: [105.97, 9.6], isSwapped: false });
  });
});
