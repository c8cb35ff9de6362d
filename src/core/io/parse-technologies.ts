import type { Technology } from '../types';
import { technologyList } from '../technology-list';

/** Names of radio technologies as they appear in site lists, keyed by their upper-case letters and digits. */
const TECHNOLOGY_BY_TOKEN: ReadonlyMap<string, Technology> = new Map<string, Technology>([
  ['2G', '2G'], ['GSM', '2G'], ['GPRS', '2G'], ['EDGE', '2G'],
  ['3G', '3G'], ['UMTS', '3G'], ['WCDMA', '3G'], ['HSPA', '3G'], ['HSDPA', '3G'],
  ['4G', '4G'], ['LTE', '4G'], ['4GLTE', '4G'], ['LTEA', '4G'], ['LTEADVANCED', '4G'],
  ['5G', '5G'], ['NR', '5G'], ['5GNR', '5G'], ['NR5G', '5G'],
]);

/** What {@link parseTechnologies} found in a cell. */
export interface ParsedTechnologies {
  /** Recognised technologies, unique, in the order 2G, 3G, 4G, 5G. */
  technologies: Technology[];
  /** Tokens that name no technology, trimmed, unique, in order of appearance. */
  unknown: string[];
}

/**
 * Reads the technologies of a site from one cell. Tokens are separated by `;`, `/`, `,`, `+`, `|` or `&`;
 * a token that is not recognised as a whole is split again at spaces, so `5G NR` and `2G 3G 4G` work.
 * Case, spaces, hyphens and dots inside a token are ignored. Synonyms: GSM/GPRS/EDGE → 2G,
 * UMTS/WCDMA/HSPA → 3G, LTE/LTE-A → 4G, NR → 5G.
 * @param raw the cell as written
 * @returns the technologies found and the tokens that were not understood
 * @throws never
 * @example parseTechnologies('LTE; 5G NR') // { technologies: ['4G', '5G'], unknown: [] }
 * @example parseTechnologies('2G/3G/wifi') // { technologies: ['2G', '3G'], unknown: ['wifi'] }
 */
export function parseTechnologies(raw: string): ParsedTechnologies {
  const found = new Set<Technology>();
  const unknown: string[] = [];
  const addUnknown = (token: string): void => {
    if (!unknown.includes(token)) unknown.push(token);
  };
  for (const token of raw.split(/[;/,+|&]/).map((part) => part.trim()).filter((part) => part !== '')) {
    const whole = lookUp(token);
    if (whole !== undefined) {
      found.add(whole);
      continue;
    }
    const words = token.split(/\s+/);
    if (words.length === 1) {
      addUnknown(token);
      continue;
    }
    for (const word of words) {
      const technology = lookUp(word);
      if (technology === undefined) addUnknown(word);
      else found.add(technology);
    }
  }
  return { technologies: technologyList(found), unknown };
}

function lookUp(token: string): Technology | undefined {
  return TECHNOLOGY_BY_TOKEN.get(token.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}
