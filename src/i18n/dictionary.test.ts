import { describe, expect, it } from 'vitest';
import { en, vi } from './dictionary';
import { translate } from './use-t';

describe('dictionary', () => {
  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });
  it('fills placeholders and leaves unknown ones', () => {
    expect(translate('vi', 'list.count', { count: '1.234' })).toBe('1.234 ấp, khóm');
    expect(translate('en', 'list.count')).toBe('{count} hamlets');
  });
});
