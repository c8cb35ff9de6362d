// Zip archives (zipped Shapefiles, KMZ, .xlsx workbooks) are inflated under one budget for the whole
// archive, counted on the bytes that actually come out (an entry's header may state any size), and
// only the entries a reader uses are inflated at all. Compressed data is fed in steps whose worst-case
// output fits the budget (small ones until the archive packs like ordinary data), so a bomb is stopped
// within one step instead of after it has filled memory.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { CoverageInputError } from '../input-error';

/** Most bytes one archive may unpack to, all entries together (a province's layers unpack to tens of MB). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Most bytes out per byte in, once past {@link RATIO_GRACE_BYTES}: real layers and workbooks pack 5–50
 * times; a bomb packs a thousand. The same guard as Apache POI's minimum inflate ratio (0.01).
 */
export const MAX_INFLATE_RATIO = 100;
/** Output allowed before the ratio is looked at (small, very regular entries pack well). */
const RATIO_GRACE_BYTES = 1024 * 1024;

/** Compressed bytes fed per step at first, and while the archive packs well: deflate expands at most ~1032:1, so such a step yields at most ~4 MB. */
const SMALL_STEP_BYTES = 4 * 1024;
/** Largest step once the archive is seen to pack like ordinary data (fewer, cheaper steps). */
const LARGE_STEP_BYTES = 1024 * 1024;
/** Deflate's greatest expansion. */
const DEFLATE_MAX_RATIO = 1032;

/**
 * The next step's size: small until the archive shows it packs like ordinary data, then as large as
 * keeps even a worst-case step within the budget, so the output stays bounded whatever comes next.
 */
function nextStepBytes(pushed: number, total: number, budgetBytes: number): number {
  if (pushed < 16 * SMALL_STEP_BYTES || total > (MAX_INFLATE_RATIO / 5) * pushed) return SMALL_STEP_BYTES;
  return Math.max(SMALL_STEP_BYTES, Math.min(LARGE_STEP_BYTES, Math.floor((budgetBytes - total) / DEFLATE_MAX_RATIO)));
}

/** One entry of an archive's directory (sizes as its header states them: not trusted). */
export interface ZipEntryInfo {
  name: string;
  compressedBytes: number;
  declaredBytes: number;
}

/** Why the budget stopped an archive: the readers refuse the file with {@link budgetRefusal}. */
export class InflateBudgetError extends Error {
  constructor(readonly entry: string, readonly budgetBytes: number, readonly reason: 'budget' | 'ratio' = 'budget') {
    super(
      reason === 'budget'
        ? `unpacks to more than ${Math.round(budgetBytes / 1048576)} MB (at ${entry}); this is the limit for one archive`
        : `unpacks to more than ${MAX_INFLATE_RATIO} times its packed size (at ${entry}): a damaged archive or a zip bomb, not read`,
    );
    this.name = 'InflateBudgetError';
  }
}

/**
 * The refusal of a file whose archive the budget stopped, as a code and parameters.
 * @param error what the budget found
 * @param file label of the file, used in messages
 * @returns the error to throw
 * @example throw budgetRefusal(new InflateBudgetError('doc.kml', MAX_INFLATED_BYTES), 'odp.kmz')
 */
export function budgetRefusal(error: InflateBudgetError, file: string): CoverageInputError {
  return error.reason === 'budget'
    ? new CoverageInputError({ code: 'archive-over-budget', file, params: { entry: error.entry, limitMb: Math.round(error.budgetBytes / 1048576) } })
    : new CoverageInputError({ code: 'archive-over-ratio', file, params: { entry: error.entry, ratio: MAX_INFLATE_RATIO } });
}

/**
 * The archive's entries as its central directory lists them, without inflating anything.
 * @param bytes the zip file
 * @returns name and stated sizes of every entry, in directory order
 * @throws whatever fflate throws on bytes that are not a zip
 * @example listZipEntries(zipSync({ 'a.txt': new Uint8Array(3) }))[0].name // 'a.txt'
 */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  unzipSync(bytes, {
    filter: (entry) => {
      entries.push({ name: entry.name, compressedBytes: entry.size, declaredBytes: entry.originalSize });
      return false;
    },
  });
  return entries;
}

/**
 * Inflates the named entries of a zip under one budget for all of them together, counting the bytes
 * as they come out, and stops an archive that unpacks more than {@link MAX_INFLATE_RATIO} times its
 * packed size. Entries not named are skipped without inflating.
 * @param bytes the zip file
 * @param names the entries wanted (as the directory names them)
 * @param options `budgetBytes` (default {@link MAX_INFLATED_BYTES}); `isCountOnly` to count and drop
 *   the output (a check before another reader inflates the archive itself)
 * @returns entry name → bytes, in a null-prototype record (entry names are data); empty when counting only
 * @throws {InflateBudgetError} when the entries together unpack to more than the budget, or too many times their size
 * @throws whatever fflate throws on a damaged archive
 * @example inflateZipEntries(zipBytes, ['doc.kml'])['doc.kml'].length
 */
export function inflateZipEntries(bytes: Uint8Array, names: readonly string[], options: { budgetBytes?: number; isCountOnly?: boolean } = {}): Record<string, Uint8Array> {
  const budgetBytes = options.budgetBytes ?? MAX_INFLATED_BYTES;
  const wanted = new Set(names);
  const result = Object.create(null) as Record<string, Uint8Array>;
  let total = 0;
  let pushed = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name) || failure !== null) return;
    // A stated size over the budget is refused at once; a smaller stated size is not believed.
    if (file.originalSize !== undefined && file.originalSize > budgetBytes) {
      failure = new InflateBudgetError(file.name, budgetBytes);
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, isFinal) => {
      if (failure !== null) return;
      if (error) {
        failure = error;
        return;
      }
      total += data.length;
      // Bytes fed so far bound what this archive's entries have packed, so the ratio errs on the lenient side.
      const isBomb = total > RATIO_GRACE_BYTES && total > MAX_INFLATE_RATIO * pushed;
      if (total > budgetBytes || isBomb) {
        failure = new InflateBudgetError(file.name, budgetBytes, total > budgetBytes ? 'budget' : 'ratio');
        file.terminate();
        return;
      }
      if (!options.isCountOnly) chunks.push(data);
      if (isFinal && !options.isCountOnly) result[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  while (pushed < bytes.length && failure === null) {
    const end = Math.min(pushed + nextStepBytes(pushed, total, budgetBytes), bytes.length);
    const start = pushed;
    pushed = end;
    unzip.push(bytes.subarray(start, end), end === bytes.length);
  }
  if (failure !== null) throw failure;
  return result;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * Checks that an archive a reader will inflate whole (a workbook, a .xlsx zip of XML parts; a zipped
 * FileGDB folder that GDAL reads through /vsizip/) unpacks within the budget before that reader sees
 * it: every entry is counted as it unpacks, none is kept. Bytes that are not a zip are left to the
 * reader, which says what they are.
 * @param bytes the archive
 * @param file label of the file, used in messages
 * @param budgetBytes the budget (default {@link MAX_INFLATED_BYTES})
 * @throws {CoverageInputError} `archive-over-budget` or `archive-over-ratio` when it unpacks to more than the budget
 * @example checkArchiveInflation(xlsxBytes, 'tram.xlsx')
 */
export function checkArchiveInflation(bytes: Uint8Array, file: string, budgetBytes = MAX_INFLATED_BYTES): void {
  let entries: ZipEntryInfo[];
  try {
    entries = listZipEntries(bytes);
  } catch {
    return;
  }
  try {
    inflateZipEntries(
      bytes,
      entries.map((entry) => entry.name),
      { budgetBytes, isCountOnly: true },
    );
  } catch (error) {
    if (error instanceof InflateBudgetError) throw budgetRefusal(error, file);
    // A damaged part is left to the reader too, which reports it in its words.
  }
}
