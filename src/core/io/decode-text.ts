import type { MessageCode } from '../messages';
import { CoverageInputError } from './input-error';

/** An encoding {@link decodeText} recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** Decoded text and how it was read. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes started with a byte-order mark (removed from `text`). */
  hasBom: boolean;
  /**
   * Byte sequences that are not UTF-8 in a file read as UTF-8 because nearly all of it is: each became
   * U+FFFD (�) in `text`, and the caller warns about the rows that hold one. 0 otherwise.
   */
  invalidSequences: number;
}

/** A file is read as UTF-8 despite invalid bytes when it holds this many valid multi-byte characters per invalid sequence. */
const UTF8_MAJORITY = 20;

/**
 * Turns file bytes into text. A byte-order mark decides: UTF-8 (`EF BB BF`), UTF-16 LE (`FF FE`, what
 * Excel writes as "Unicode text", usually tab-separated) or UTF-16 BE (`FE FF`). Without one, UTF-16 is
 * still recognised by its zero bytes (ASCII text has a zero in every other byte), then UTF-8 is tried.
 * Text that is not valid UTF-8 is still read as UTF-8 when nearly all of it is (a few damaged bytes among
 * many Vietnamese letters: each becomes U+FFFD and `invalidSequences` counts them); otherwise it is read
 * as the Vietnamese Windows code page 1258, the other encoding Vietnamese offices save in. The mark is
 * never part of the returned text.
 * @param bytes the file's content
 * @param file label of the file, used in messages
 * @returns the text, the encoding used and whether there was a byte-order mark
 * @throws {CoverageInputError} `file-binary` when the bytes hold NUL characters after decoding (a binary
 *   file given where text was expected), `file-binary-excel` for an old Excel .xls, `file-binary-zip` for
 *   a zip archive (an .xlsx, a zipped Shapefile)
 * @example decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'a.csv') // { text: 'A', encoding: 'utf-16le', hasBom: true, invalidSequences: 0 }
 */
export function decodeText(bytes: Uint8Array | ArrayBuffer, file = 'input'): DecodedText {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let decoded: DecodedText;
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(data.subarray(3));
    decoded = { text, encoding: 'utf-8', hasBom: true, invalidSequences: countReplacements(text) };
  } else if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le', hasBom: true, invalidSequences: 0 };
  } else if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be', hasBom: true, invalidSequences: 0 };
  } else {
    const utf16 = detectBomlessUtf16(data);
    if (utf16 !== null) decoded = { text: new TextDecoder(utf16).decode(data), encoding: utf16, hasBom: false, invalidSequences: 0 };
    else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8', hasBom: false, invalidSequences: 0 };
      } catch {
        const lenient = new TextDecoder('utf-8').decode(data);
        const invalid = countReplacements(lenient);
        if (countMultibyte(lenient) >= UTF8_MAJORITY * invalid) decoded = { text: lenient, encoding: 'utf-8', hasBom: false, invalidSequences: invalid };
        // cp1258 stores tone marks as combining characters: compose them so names compare equal.
        else decoded = { text: new TextDecoder('windows-1258').decode(data).normalize('NFC'), encoding: 'windows-1258', hasBom: false, invalidSequences: 0 };
      }
    }
  }
  if (decoded.text.includes('\u0000')) {
    throw new CoverageInputError({ code: binaryKind(data), file });
  }
  return decoded;
}

/** What kind of binary file the bytes are, for the message. */
function binaryKind(data: Uint8Array): MessageCode {
  if (data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return 'file-binary-excel';
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return 'file-binary-zip';
  return 'file-binary';
}

function countReplacements(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) count += 1;
  return count;
}

/** Characters beyond ASCII that are not U+FFFD: each came from a valid multi-byte UTF-8 sequence. */
function countMultibyte(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 && code !== 0xfffd && !(code >= 0xdc00 && code <= 0xdfff)) count += 1;
  }
  return count;
}

/** UTF-16 without a mark: in ASCII-heavy text every other byte is zero, at even (BE) or odd (LE) offsets. */
function detectBomlessUtf16(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(data.length - (data.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (data[index] === 0) evenZeros += 1;
    if (data[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) return 'utf-16le';
  if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) return 'utf-16be';
  return null;
}

/**
 * Whether text looks like Vietnamese typed with a legacy 8-bit font (TCVN3/ABC `.VnTime`, VNI) and read
 * through a code page: those fonts put Vietnamese letters on the positions of symbols such as `¨ ¸ µ ©`,
 * which then appear inside words (`Tr¨ng` for "Trăng"). Real text never has them between letters.
 * @param text decoded text (a whole file or one attribute)
 * @returns `true` when at least three words carry such a symbol between letters
 * @throws never
 * @example looksLikeLegacyVietnameseFont('Sãc Tr¨ng, HuyÖn Mü Xuyªn, Ph­êng 5') // true
 */
export function looksLikeLegacyVietnameseFont(text: string): boolean {
  const matches = text.match(/\p{L}[\u00a1-\u00bf\u00ad]+\p{L}|\p{L}[\u00a1-\u00bf]+(?=\s|$)/gu);
  return matches !== null && matches.length >= 3;
}
