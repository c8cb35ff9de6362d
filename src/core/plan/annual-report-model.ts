/**
 * The annual report as content: sections, tables of numbers, texts by code. No sentence is written
 * here; the document writer translates every code (dictionary keys `annual.*`) and formats every
 * number in the reader's language, so the numbers stay the engine's.
 */
import type { TargetResult } from '../types';

/** A text to translate: a dictionary key and its parameters. */
export interface ReportText {
  code: string;
  params?: Record<string, string | number>;
}

/** One cell of a report table. */
export type ReportCell =
  /** Text from the data (a unit's or hamlet's name), shown as it is. */
  | { kind: 'text'; text: string }
  /** A translated text. */
  | { kind: 'label'; text: ReportText }
  /** A whole number (hamlets, households, sites). */
  | { kind: 'count'; value: number | null }
  /** A share in [0, 1], shown as a percentage; null = no value. */
  | { kind: 'share'; value: number | null }
  /** A plan value in its unit (share, per 100, Mbit/s); null = no value. */
  | { kind: 'value'; value: number | null; unit: TargetResult['unit'] }
  /** A target: comparator and threshold in its unit. */
  | { kind: 'target'; comparator: TargetResult['comparator']; value: number; unit: TargetResult['unit'] }
  /** Met / not met / no value. */
  | { kind: 'met'; met: boolean | null }
  /** Where a target's value comes from: `engine` (with the data date), `indicator: …`, `missing`. */
  | { kind: 'source'; source: string; asOf: string }
  /** A change between two values, shown `then → now`. */
  | { kind: 'change'; then: number | null; now: number | null; unit: 'count' | 'share' }
  /** A signed difference (`+3`, `−1`, `+2,5 điểm %`). */
  | { kind: 'delta'; value: number; unit: 'count' | 'share' };

/** One table row; `key` is the unit key, target id, hamlet id or operator it stands for. */
export interface ReportRow {
  key: string;
  cells: ReportCell[];
  /** The total row (bold). */
  isTotal?: boolean;
  /** A row naming a group of the rows below it (a unit in an annex), across the whole table. */
  isGroupHeading?: boolean;
}

/** A table: what it holds (`id`, stable for tests), its column headings and rows. */
export interface ReportTable {
  kind: 'table';
  id: string;
  columns: ReportText[];
  rows: ReportRow[];
}

/** A block of a section. */
export type ReportBlock =
  | { kind: 'paragraph'; text: ReportText }
  | ReportTable
  /** A map picture, when one was given for `key` (`province` or a unit key); omitted otherwise. */
  | { kind: 'map'; key: string; caption: ReportText };

/** A numbered section (`I`, `II`, …) or subsection (`1`, `2`, …). */
export interface ReportSection {
  /** The number as printed: `I`, `II`, `1`, `2`. */
  number: string;
  title: ReportText;
  blocks: ReportBlock[];
  subsections: ReportSection[];
}

/** The whole report: header lines (Decree 30/2020/NĐ-CP layout), title, sections and annexes. */
export interface AnnualReport {
  demo: boolean;
  header: {
    governingBody: string;
    issuingBody: string;
    /** The document number, or null to leave a blank for the clerk (`Số:      /BC-STTTT`). */
    number: string | null;
    issuerCode: string;
    place: string;
    /** ISO date of the report. */
    date: string;
  };
  planTitle: string;
  areaName: string;
  /** ISO date the figures stand for. */
  asOf: string;
  recipient: string;
  sections: ReportSection[];
  annexes: ReportSection[];
}
