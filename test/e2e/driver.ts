// Domain steps of the end-to-end specs: what a planner does and sees, in app terms.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, inject } from 'vitest';
import { decodeUrlState, type UrlState } from '../../src/state/url-state';
import { closeBrowser, openSession, type BrowserSession, type Page } from './browser';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

/** A proposed site as the proposals panel lists it. */
export interface ProposalReading {
  id: string;
  rank: number;
  kind: string;
  operator: string;
  technology: string;
  radiusMeters: number;
  lng: number;
  lat: number;
  /** The name shown ("Trạm mới số 3 — Xã Lạc Hòa"). */
  name: string;
  /** The coordinates shown. */
  location: string;
  /** The place line shown ("Khóm 1, Phường 1, Thị xã Ngã Năm"). */
  place: string;
  /** Ids of the hamlets it is credited with. */
  helped: string[];
  /** The hamlets it newly covers as shown, each with its commune. */
  helpedText: string;
  makesShared: boolean;
}

/** A row of the group table: unit key, its name as shown, its figures (raw values by column) and the lines its name takes. */
export interface GroupRowReading {
  key: string;
  name: string;
  nameLines: number;
  figures: Record<string, number>;
}

/** The before → after table of the proposals panel: row id → raw values. */
export type ProposalKpiReading = Record<string, { before: number; after: number; state: string }>;

export interface KpiReading {
  hamlets: number;
  sites: number;
  coveredMobileShare: number;
  covered4gShare: number;
  covered5gShare: number;
  coveredFtthShare: number;
  sharedSiteShare: number;
}

export interface PrintOptions {
  title?: string;
  paper?: 'A4' | 'A3';
  orientation?: 'landscape' | 'portrait';
  extent?: 'province' | 'district' | 'commune' | 'view';
  /** An option of the unit list, by its value (code) or its shown label. */
  unit?: string | { label: string };
  atlas?: '' | 'district' | 'commune' | 'new_commune';
  /** What the map shows: hamlets by class (''), the challenged hexagons, or the layer on H3 hexagons. */
  mapContent?: '' | 'challenges' | 'h3View';
}

export class AppDriver {
  private constructor(private readonly session: BrowserSession, readonly baseUrl: string) {}

  static async open(hash = '', viewport?: { width: number; height: number }): Promise<AppDriver> {
    const driver = new AppDriver(await openSession(viewport), inject('baseUrl'));
    await driver.page.goto(driver.baseUrl + hash);
    await driver.waitForAnalysis();
    return driver;
  }

  get page(): Page {
    return this.session.page;
  }

  /** Waits until the map has drawn analysed hamlets and the analysis status is done. */
  async waitForAnalysis(timeoutMs = 60_000): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('first-map-draw').length > 0, null, { timeout: timeoutMs, polling: 250 });
    await this.page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: timeoutMs });
  }

  /** Waits for a new analysis to finish after an action that changes its input. */
  async waitForNewAnalysis(action: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
    const before = await this.page.evaluate(() => performance.getEntriesByName('analysis-done').length);
    await action();
    await this.page.waitForFunction((count) => performance.getEntriesByName('analysis-done').length > count, before, { timeout: timeoutMs, polling: 250 });
    await this.page.locator('[data-testid="analysis-status"][data-state="done"]').waitFor({ timeout: timeoutMs });
  }

  async openPanel(name: 'kpi' | 'hamlets' | 'filters' | 'import' | 'settings' | 'proposals' | 'evidence' | 'cycle'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  async readKpis(): Promise<KpiReading> {
    await this.openPanel('kpi');
    const value = async (id: string) => Number(await this.page.getByTestId(id).getAttribute('data-value'));
    return {
      hamlets: await value('kpi-hamlets'),
      sites: await value('kpi-sites'),
      coveredMobileShare: await value('kpi-coverage-mobile'),
      covered4gShare: await value('kpi-coverage-4g'),
      covered5gShare: await value('kpi-coverage-5g'),
      coveredFtthShare: await value('kpi-coverage-ftth'),
      sharedSiteShare: await value('kpi-shared-sites'),
    };
  }

  async readKpiText(id: string): Promise<string> {
    return ((await this.page.getByTestId(id).textContent()) ?? '').replace(/[ \t\n]+/g, ' ').trim();
  }

  /** Target id → shown value (raw number, null when missing) and met state. */
  async readTargets(): Promise<Record<string, { value: number | null; state: string }>> {
    await this.openPanel('kpi');
    return this.page.evaluate(() => {
      const rows: Record<string, { value: number | null; state: string }> = {};
      for (const row of document.querySelectorAll('[data-testid="target-table"] tbody tr')) {
        const id = row.getAttribute('data-testid')!.replace(/^target-/, '');
        const raw = row.querySelector(`[data-testid="target-value-${id}"]`)!.getAttribute('data-value');
        rows[id] = { value: raw === '' || raw === null ? null : Number(raw), state: row.querySelector(`[data-testid="target-status-${id}"]`)!.getAttribute('data-state')! };
      }
      return rows;
    });
  }

  /** Keeps only one operator in the filters panel. */
  async filterToOperator(operator: string): Promise<void> {
    await this.openPanel('filters');
    const boxes = this.page.locator('[data-testid^="filter-operator-"]:not([data-testid="filter-operator-all"])');
    await this.waitForNewAnalysis(async () => {
      for (const box of await boxes.all()) {
        const name = (await box.getAttribute('data-testid'))!.replace('filter-operator-', '');
        if (name !== operator && (await box.isChecked())) await box.click();
      }
    });
  }

  /** The map legend's coverage classes, as shown (each with its rule). */
  async readLegendClasses(): Promise<Record<'covered' | 'partial' | 'none', string>> {
    // The legend folds by itself where every corner would hide an uncovered hamlet: unfold it to read.
    if ((await this.page.getByTestId('legend').getAttribute('data-collapsed')) === 'true') await this.toggleLegend();
    const text = async (status: string) => ((await this.page.getByTestId(`legend-class-${status}`).textContent()) ?? '').trim();
    return { covered: await text('covered'), partial: await text('partial'), none: await text('none') };
  }

  /** Switches the layer shown in the header. */
  async chooseLayer(layer: 'mobile' | '4g' | '5g' | 'ftth'): Promise<void> {
    await this.page.getByTestId('layer-select').selectOption(layer);
  }

  /** The map legend's reference-layer lines, as shown (unfolded to read). */
  async readLegendReferences(): Promise<string[]> {
    if ((await this.page.getByTestId('legend').getAttribute('data-collapsed')) === 'true') await this.toggleLegend();
    return (await this.page.locator('[data-testid^="legend-reference-"]').allTextContents()).map((text) => text.trim());
  }

  /** Waits until the legend has been placed for the map as it is now drawn. */
  async waitForLegendPlaced(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-legend-corner]').waitFor({ timeout: 60_000 });
    await this.page.waitForTimeout(500);
  }

  /**
   * Pixels of "not covered" fill (the class colour as drawn, 72 % over the background) under the legend's
   * rectangle — read from a screenshot with the legend hidden — and on the whole map.
   */
  async readUncoveredUnderLegend(): Promise<{ underLegend: number; onMap: number; corner: string }> {
    const legend = (await this.page.getByTestId('legend').boundingBox())!;
    const map = (await this.page.getByTestId('map').boundingBox())!;
    await this.page.getByTestId('legend').evaluate((element) => ((element as HTMLElement).style.visibility = 'hidden'));
    const shot = PNG.sync.read(await this.page.screenshot({ clip: map }));
    await this.page.getByTestId('legend').evaluate((element) => ((element as HTMLElement).style.visibility = ''));
    const uncovered = [0xdc, 0x87, 0x43];
    const isUncovered = (x: number, y: number) => {
      const i = (y * shot.width + x) * 4;
      return Math.abs(shot.data[i] - uncovered[0]) + Math.abs(shot.data[i + 1] - uncovered[1]) + Math.abs(shot.data[i + 2] - uncovered[2]) < 36;
    };
    let underLegend = 0;
    let onMap = 0;
    for (let y = 0; y < shot.height; y++) {
      for (let x = 0; x < shot.width; x++) {
        if (!isUncovered(x, y)) continue;
        onMap++;
        if (x >= legend.x - map.x && x < legend.x - map.x + legend.width && y >= legend.y - map.y && y < legend.y - map.y + legend.height) underLegend++;
      }
    }
    return { underLegend, onMap, corner: (await this.page.getByTestId('map').getAttribute('data-legend-corner')) ?? '' };
  }

  /** The legend's entries by test id (classes, symbols, proposals). */
  async readLegendEntries(): Promise<string[]> {
    return this.page.locator('[data-testid="legend"] li[data-testid]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')!));
  }

  /** Shows the map as it is or after the proposals (the legend's before / after choice). */
  async showProposalsMap(which: 'before' | 'after'): Promise<void> {
    await this.page.getByTestId(`legend-after-${which}`).check();
    await this.page.waitForTimeout(1500);
  }

  /** Folds or unfolds the legend from its title. */
  async toggleLegend(): Promise<void> {
    await this.page.getByTestId('legend-toggle').click();
  }

  /** Switches the interface language. */
  async chooseLanguage(locale: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId(`language-${locale}`).click();
  }

  /** The dashboard's list of sites outside every hamlet: count and listed ids (0 and none when absent). */
  async readOutsideSites(): Promise<{ count: number; ids: string[]; text: string }> {
    await this.openPanel('kpi');
    const section = this.page.getByTestId('outside-sites');
    if ((await section.count()) === 0) return { count: 0, ids: [], text: '' };
    const ids = await this.page.getByTestId('outside-site').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
    return { count: Number(await section.getAttribute('data-count')), ids, text: await section.innerText() };
  }

  /** Types a value into a settings field; the analysis re-runs after its debounce. */
  async changeSetting(testId: string, value: string): Promise<void> {
    await this.openPanel('settings');
    await this.waitForNewAnalysis(() => this.page.getByTestId(testId).fill(value));
  }

  /**
   * Switches the opt-in online basemap on (the page asks, then reloads so its connection policy
   * allows the tile host) and waits until it has asked for a tile.
   */
  async switchOnOnlineBasemap(): Promise<void> {
    await this.openPanel('settings');
    const tile = this.page.waitForRequest((request) => request.url().includes('tile.openstreetmap.org'), { timeout: 60_000 });
    await this.page.getByTestId('setting-basemap').check();
    await tile;
    await this.waitForAnalysis();
  }

  urlState(): UrlState {
    return decodeUrlState(new URL(this.page.url()).hash);
  }

  /** Clicks the first hamlet of the uncovered list and waits for the map to finish moving to it. */
  async zoomToFirstUncoveredHamlet(): Promise<{ id: string; name: string }> {
    await this.openPanel('hamlets');
    const first = this.page.getByTestId('uncovered-hamlet').first();
    const id = (await first.getAttribute('data-id'))!;
    const name = await first.locator('.hamlet-name').innerText();
    const hashBefore = new URL(this.page.url()).hash;
    await first.click();
    await this.page.waitForFunction((before) => window.location.hash !== before && window.location.hash.includes('map='), hashBefore, { timeout: 20_000 });
    // fitBounds animates; the hash is written on moveend, so wait for it to settle.
    await this.page.waitForTimeout(300);
    return { id, name };
  }

  /** Clicks the middle of the map and waits for the details panel. */
  async clickMapCentre(): Promise<void> {
    const box = (await this.page.getByTestId('map').boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.getByTestId('details-panel').waitFor({ timeout: 10_000 });
  }

  async detailsText(): Promise<string> {
    return this.page.getByTestId('details-panel').innerText();
  }

  async detailsTitle(): Promise<string> {
    return this.page.getByTestId('details-title').innerText();
  }

  /** Imports a file through the file picker and returns the shown report's text. */
  async importFile(kind: 'sites' | 'hamlets' | 'fibre' | 'indicators' | 'merger', name: string, content: string, mode: 'replace' | 'add'): Promise<string> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption(kind);
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.waitForNewAnalysis(async () => {
      await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/geo+json', buffer: Buffer.from(content, 'utf8') });
      await this.page.getByTestId('import-report').waitFor();
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Imports a CSV whose headers need the column-mapping step; `mapping` is field → header. */
  async importFileWithMapping(kind: 'sites' | 'fibre' | 'indicators' | 'merger', name: string, content: string, mode: 'replace' | 'add', mapping: Record<string, string>): Promise<string> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption(kind);
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('column-mapping').waitFor();
    for (const [field, header] of Object.entries(mapping)) await this.page.getByTestId(`mapping-${field}`).selectOption(header);
    await this.waitForNewAnalysis(async () => {
      await this.page.getByTestId('mapping-apply').click();
      await this.page.getByTestId('import-report').waitFor();
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Picks a hamlet list (CSV, or GeoJSON points) in the import dialog and waits for the communes step it leads to. */
  private async pickHamletListForCommunes(name: string, content: string, mode: 'replace' | 'add'): Promise<void> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption('hamlets');
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/geo+json', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('import-communes').waitFor();
  }

  /** Picks the commune boundary files in the communes step, together (a MapInfo table with its companions). */
  private async pickCommuneFiles(communes: { name: string; content: Buffer }[]): Promise<void> {
    await this.page.getByTestId('communes-file').setInputFiles(communes.map((file) => ({ name: file.name, mimeType: 'application/octet-stream', buffer: file.content })));
  }

  /**
   * Imports a hamlet list without polygons (a table with commune codes, or points) and builds the
   * approximate hamlets inside commune polygons: a file picked in the communes step, or the hamlet layer
   * already loaded. Returns the shown report's text.
   */
  async importHamletList(name: string, content: string, communes: { name: string; content: string } | 'layer', mode: 'replace' | 'add'): Promise<string> {
    await this.pickHamletListForCommunes(name, content, mode);
    await this.waitForNewAnalysis(async () => {
      if (communes === 'layer') await this.page.getByTestId('communes-use-layer').click();
      else await this.page.getByTestId('communes-file').setInputFiles({ name: communes.name, mimeType: 'application/geo+json', buffer: Buffer.from(communes.content, 'utf8') });
      await this.page.getByTestId('import-report').waitFor();
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /**
   * Picks a hamlet list, then in the communes step a commune boundary file (with its companions) whose
   * coordinate system must be confirmed, and waits for the review step of that file; returns its note.
   */
  async importHamletListToCommuneReview(name: string, content: string, communes: { name: string; content: Buffer }[]): Promise<string> {
    await this.pickHamletListForCommunes(name, content, 'replace');
    await this.pickCommuneFiles(communes);
    await this.page.getByTestId('import-review').waitFor({ timeout: 60_000 });
    return this.page.getByTestId('review-note').innerText();
  }

  /**
   * Picks a hamlet list, then in the communes step a commune boundary file with its companions (a MapInfo
   * table's .dat, .map, .id) that needs no confirmation; returns the report once the hamlets are analysed.
   */
  async importHamletListWithCommuneFiles(name: string, content: string, communes: { name: string; content: Buffer }[]): Promise<string> {
    await this.pickHamletListForCommunes(name, content, 'replace');
    await this.waitForNewAnalysis(async () => {
      await this.pickCommuneFiles(communes);
      await this.page.locator('[data-testid="import-report"][data-state="ok"]').waitFor({ timeout: 120_000 });
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Hands a hamlet layer to the import and returns the question it asks (units too large, names like communes), or null when it asks none. */
  async importHamletLayerAsked(name: string, content: string): Promise<string | null> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption('hamlets');
    await this.page.getByTestId('import-mode-replace').check();
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(content, 'utf8') });
    const asked = this.page.getByTestId('hamlet-question');
    const reported = this.page.getByTestId('import-report');
    await asked.or(reported).first().waitFor({ timeout: 60_000 });
    return (await asked.count()) > 0 ? asked.innerText() : null;
  }

  /** Answers the hamlet layer's question: keep the current hamlets, or import it anyway (then waits for the analysis). */
  async answerHamletQuestion(answer: 'cancel' | 'continue'): Promise<void> {
    if (answer === 'cancel') return this.page.getByTestId('hamlet-question-cancel').click();
    await this.waitForNewAnalysis(() => this.page.getByTestId('hamlet-question-continue').click());
  }

  /** How many hamlets the map draws hatched and with a dashed edge, once it has settled with data. */
  async readApproximateDrawn(): Promise<{ hatched: number; dashed: number }> {
    const map = this.page.getByTestId('map');
    await this.page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-approximate-dashed') ?? 0) > 0, null, { timeout: 20_000 }).catch(() => undefined);
    return { hatched: Number(await map.getAttribute('data-approximate-hatched')), dashed: Number(await map.getAttribute('data-approximate-dashed')) };
  }

  /**
   * Hands a table (CSV, .xlsx) to the picker and waits for the table step; returns the header row it
   * found, the text it shows and the header-row choices offered.
   */
  async openTableStep(kind: 'sites' | 'fibre' | 'indicators' | 'merger' | 'hamlets', name: string, content: Buffer, mode: 'replace' | 'add'): Promise<{ headerRow: number; text: string; rowChoices: string[] }> {
    await this.pickImportFile(kind, name, content, mode);
    const step = this.page.locator('[data-testid="column-mapping"][data-step="table"]');
    await step.waitFor({ timeout: 60_000 });
    return { headerRow: Number(await step.getAttribute('data-header-row')), text: await step.innerText(), rowChoices: await step.getByTestId('table-header-row').locator('option').allInnerTexts() };
  }

  /**
   * Hands a layer (Shapefile, GeoPackage, MapInfo…) to the picker and waits for the mapping step of its
   * attributes; returns the step's text and the fields it asks for (their labels, without the hints).
   */
  async openLayerMappingStep(kind: 'sites' | 'hamlets' | 'fibre', name: string, content: Buffer, mode: 'replace' | 'add'): Promise<{ text: string; asked: string[] }> {
    await this.pickImportFile(kind, name, content, mode);
    const step = this.page.locator('[data-testid="column-mapping"][data-step="layer"]');
    await step.waitFor({ timeout: 120_000 });
    const labels = await step.locator('label.field > span').allInnerTexts();
    return { text: await step.innerText(), asked: labels.map((label) => label.split(' (')[0].trim()) };
  }

  /** Picks another header row in the table step (with the keyboard, as a user without a mouse would) and waits for the table read under it; returns its column names. */
  async pickHeaderRow(row: number): Promise<string> {
    const select = this.page.getByTestId('table-header-row');
    await select.focus();
    await select.selectOption(String(row));
    await this.page.locator(`[data-testid="column-mapping"][data-header-row="${row}"]`).waitFor({ timeout: 60_000 });
    return this.page.getByTestId('table-headers').innerText();
  }

  /** Maps columns in the table step (field → header) and imports; waits for the report, or for the duplicates question when adding sites the layer holds. */
  async applyTableStep(mapping: Record<string, string> = {}): Promise<'report' | 'duplicates'> {
    for (const [field, header] of Object.entries(mapping)) {
      const select = this.page.getByTestId(`mapping-${field}`);
      if (!(await select.isVisible())) await this.page.locator('[data-testid="column-mapping"] details > summary').click();
      await select.selectOption(header);
    }
    const duplicates = this.page.getByTestId('import-duplicates');
    let outcome: 'report' | 'duplicates' = 'report';
    const step = this.page.getByTestId('column-mapping');
    await step.getByTestId('mapping-apply').focus();
    await this.page.keyboard.press('Enter');
    await step.waitFor({ state: 'detached', timeout: 60_000 });
    await this.page.locator('[data-testid="import-report"][data-state="ok"]').or(duplicates).first().waitFor({ timeout: 60_000 });
    if (await duplicates.isVisible()) outcome = 'duplicates';
    return outcome;
  }

  /** The duplicates question's text, when sites being added are already in the layer. */
  async duplicatesText(): Promise<string> {
    return this.page.getByTestId('import-duplicates').innerText();
  }

  /** Answers the duplicates question (keep both, keep the newer, skip) and waits for the analysis of the result. */
  async chooseDuplicates(choice: 'keep-both' | 'keep-newer' | 'skip'): Promise<string> {
    await this.waitForNewAnalysis(async () => {
      await this.page.getByTestId(`duplicates-${choice}`).check();
      await this.page.getByTestId('duplicates-apply').click();
      await this.page.locator(`[data-testid="import-duplicates-done"][data-choice="${choice}"]`).waitFor({ timeout: 60_000 });
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Chooses the kind and mode, then hands a file (bytes, or a path for files over Playwright's 50 MB buffer limit) to the picker. */
  async pickImportFile(kind: 'sites' | 'hamlets' | 'fibre' | 'indicators' | 'merger' | 'measurements' | 'reference', name: string, content: Buffer | { path: string }, mode: 'replace' | 'add'): Promise<void> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption(kind);
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.page.getByTestId('import-file').setInputFiles('path' in content ? content.path : { name, mimeType: 'application/octet-stream', buffer: content });
  }

  /**
   * Picks several files at once (a MapInfo table with its .dat, .map, .id) and waits for the report;
   * returns its text and whether the dialog showed the GIS reader downloading.
   */
  async importFileSet(kind: 'sites' | 'hamlets' | 'fibre', files: { name: string; content: Buffer }[], mode: 'replace' | 'add'): Promise<{ text: string; sawReaderDownload: boolean }> {
    let sawReaderDownload = false;
    await this.waitForNewAnalysis(async () => {
      await this.openPanel('import');
      await this.page.getByTestId('import-kind').selectOption(kind);
      await this.page.getByTestId(`import-mode-${mode}`).check();
      const download = this.page.locator('[data-testid="import-progress"][data-phase="loading-reader"]').waitFor({ timeout: 60_000 }).then(() => true, () => false);
      await this.page.getByTestId('import-file').setInputFiles(files.map(({ name, content }) => ({ name, mimeType: 'application/octet-stream', buffer: content })));
      const report = this.page.locator('[data-testid="import-report"][data-state="ok"]').waitFor({ timeout: 120_000 });
      sawReaderDownload = await Promise.race([download, report.then(() => false)]);
      await report;
    });
    return { text: await this.page.getByTestId('import-report').innerText(), sawReaderDownload };
  }

  /**
   * Picks several files at once (a MapInfo table with its companions) and returns the report shown for
   * them, refused or not, in any language (found by the main file's name in its title: give each call its own).
   */
  async importFileSetForReport(kind: 'sites' | 'hamlets' | 'fibre', files: { name: string; content: Buffer }[], mode: 'replace' | 'add'): Promise<{ state: string; text: string }> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption(kind);
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.page.getByTestId('import-file').setInputFiles(files.map(({ name, content }) => ({ name, mimeType: 'application/octet-stream', buffer: content })));
    const report = this.page.locator('[data-testid="import-report"]').filter({ has: this.page.locator('h3', { hasText: files[0].name }) });
    await report.waitFor({ timeout: 120_000 });
    return { state: (await report.getAttribute('data-state')) ?? '', text: await report.innerText() };
  }

  /** Every URL the page and its workers requested so far. */
  requestedUrls(): string[] {
    return [...this.session.requests];
  }

  /** Imports a file of any format that needs no review step (declared coordinate system, one sheet); returns the report's text. */
  async importBinaryFile(kind: 'sites' | 'hamlets' | 'fibre' | 'indicators', name: string, content: Buffer, mode: 'replace' | 'add'): Promise<string> {
    await this.waitForNewAnalysis(async () => {
      await this.pickImportFile(kind, name, content, mode);
      await this.page.locator('[data-testid="import-report"][data-state="ok"]').waitFor({ timeout: 60_000 });
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Hands a file to the picker and waits for the review step (sheet choice, coordinate-system guess). */
  async importFileForReview(kind: 'sites' | 'hamlets' | 'fibre', name: string, content: Buffer, mode: 'replace' | 'add'): Promise<void> {
    await this.pickImportFile(kind, name, content, mode);
    await this.page.getByTestId('import-review').waitFor({ timeout: 60_000 });
  }

  /** The coordinate-system block of the review step: system id, how it was decided, and its text. */
  async readCrsGuess(): Promise<{ crsId: string; source: string; text: string }> {
    const block = this.page.getByTestId('crs-guess');
    return { crsId: (await block.getAttribute('data-crs'))!, source: (await block.getAttribute('data-source'))!, text: await block.innerText() };
  }

  /** Picks another coordinate system in the review step and waits for the file to be read again with it. */
  async chooseCrs(crsId: string): Promise<void> {
    await this.page.getByTestId('crs-select').selectOption(crsId);
    await this.page.getByTestId('crs-reparse').click();
    await this.page.locator(`[data-testid="crs-guess"][data-crs="${crsId}"][data-source="option"]`).waitFor({ timeout: 60_000 });
  }

  /** Picks a sheet of a workbook (in the review step, or after the default sheet was unusable) and waits for the review of it. */
  async chooseSheet(sheet: string): Promise<void> {
    await this.page.getByTestId('import-sheet').selectOption(sheet, { timeout: 60_000 });
    await this.page.locator('[data-testid="import-review"]').waitFor({ timeout: 60_000 });
    await this.page.waitForFunction((name) => (document.querySelector('[data-testid="import-format"]')?.textContent ?? '').includes(name), sheet, { timeout: 60_000 });
  }

  /** Confirms the review step; returns the report's text once the analysis has re-run. */
  async confirmImport(): Promise<string> {
    await this.waitForNewAnalysis(async () => {
      await this.page.getByTestId('import-confirm').click();
      await this.page.getByTestId('import-review').waitFor({ state: 'detached' });
    });
    return this.page.getByTestId('import-report').innerText();
  }

  /** Starts an import and cancels it while it is being read or parsed; returns the phase it was in. */
  async startAndCancelImport(kind: 'sites' | 'hamlets' | 'fibre', name: string, content: { path: string }): Promise<string> {
    await this.pickImportFile(kind, name, content, 'add');
    const progress = this.page.getByTestId('import-progress');
    await progress.waitFor({ timeout: 30_000 });
    const phase = (await progress.getAttribute('data-phase')) ?? '';
    await this.page.getByTestId('import-cancel').click();
    await this.page.getByTestId('import-cancelled').waitFor({ timeout: 10_000 });
    return phase;
  }

  /** Imports a file and returns the parse time the app measured in its worker, and the wall time to the report. */
  async timeImport(kind: 'sites' | 'hamlets' | 'fibre', name: string, content: { path: string }, mode: 'replace' | 'add'): Promise<{ wallMs: number; workerMs: number; frames: number; readMs: number; parsedMs: number; committedMs: number }> {
    await this.page.evaluate(() => {
      const state = { frames: 0, running: true };
      (window as unknown as { __frames: typeof state }).__frames = state;
      const tick = () => {
        state.frames++;
        if (state.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await this.pickImportFile(kind, name, content, mode);
    await this.page.locator('[data-testid="import-report"], [data-testid="import-review"]').first().waitFor({ timeout: 600_000 });
    const wallMs = Date.now() - started;
    const frames = await this.page.evaluate(() => {
      const state = (window as unknown as { __frames: { frames: number; running: boolean } }).__frames;
      state.running = false;
      return state.frames;
    });
    const workerMs = Number(await this.page.getByTestId('import-format').getAttribute('data-parse-ms'));
    // The app's own marks, from the file handed over: read into memory, result back from the worker, layer committed.
    const marks = await this.page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
      const start = at('import-start');
      return { readMs: Math.round(at('import-read') - start), parsedMs: Math.round(at('import-parsed') - start), committedMs: Math.round(at('import-committed') - start) };
    });
    return { wallMs, workerMs, frames, ...marks };
  }

  /**
   * Hands a file to the picker and waits for its report, refused or not: its state, its whole text, and
   * its words alone (places in <code> and quoted text from the file removed), to check the language.
   * When the column-mapping step asks for columns, none is chosen.
   */
  async importForReport(kind: 'sites' | 'hamlets' | 'fibre' | 'indicators', name: string, content: Buffer, mode: 'replace' | 'add'): Promise<{ state: string; text: string; words: string }> {
    await this.pickImportFile(kind, name, content, mode);
    const report = this.page.locator(`[data-testid="import-report"]:has(h3:text-is(${JSON.stringify(this.reportTitle(name))}))`);
    await report.or(this.page.getByTestId('column-mapping')).waitFor({ timeout: 60_000 });
    if (await this.page.getByTestId('column-mapping').isVisible()) await this.page.getByTestId('mapping-apply').click();
    await report.waitFor({ timeout: 60_000 });
    const state = (await report.getAttribute('data-state')) ?? '';
    const text = await report.innerText();
    const words = await report.evaluate((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('code, button').forEach((element) => element.remove());
      return (copy.textContent ?? '').replace(/"[^"]*"/g, ' ');
    });
    return { state, text, words };
  }

  /** The report's title for a file, as the page writes it in Vietnamese. */
  private reportTitle(name: string): string {
    return `Kết quả nhập ${name}`;
  }

  /** Hands a CSV with unknown headers to the picker; returns the labels of the fields the mapping step asks for. */
  async columnMappingLabels(kind: 'sites' | 'fibre' | 'indicators' | 'merger', name: string, content: string): Promise<string[]> {
    await this.pickImportFile(kind, name, Buffer.from(content, 'utf8'), 'add');
    await this.page.getByTestId('column-mapping').waitFor();
    const labels = await this.page.locator('[data-testid="column-mapping"] label.field > span').allInnerTexts();
    await this.page.getByTestId('column-mapping').getByRole('button', { name: 'Hủy' }).click();
    return labels;
  }

  /** Imports a field-test file (measurements) and waits until its tests are judged against the map; returns the report's text. */
  async importMeasurements(name: string, content: { path: string }): Promise<string> {
    await this.pickImportFile('measurements', name, content, 'replace');
    await this.page.locator('[data-testid="import-report"][data-state="ok"]').waitFor({ timeout: 60_000 });
    const report = await this.page.getByTestId('import-report').innerText();
    await this.openPanel('evidence');
    await this.page.locator('[data-testid="evidence-status"][data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
    return report;
  }

  /**
   * Replaces one column of the field tests kept in the browser's storage (IndexedDB, as idb-keyval
   * keeps it) by a plain list, as a damaged or foreign record would hold.
   */
  async damageStoredMeasurements(column: string): Promise<void> {
    await this.page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('keyval-store');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('keyval', 'readwrite').objectStore('keyval');
            const read = store.get('measurements');
            read.onsuccess = () => {
              const value = read.result as { set: Record<string, unknown> };
              value.set[name] = Array.from(value.set[name] as ArrayLike<number>);
              const write = store.put(value, 'measurements');
              write.onsuccess = () => resolve();
              write.onerror = () => reject(write.error);
            };
          };
        }),
      column,
    );
  }

  /** The stored parts the page said it could not read at load (empty when it said nothing). */
  async unreadableStoredParts(): Promise<string[]> {
    const notice = this.page.getByTestId('restore-unreadable');
    if ((await notice.count()) === 0) return [];
    return ((await notice.getAttribute('data-parts')) ?? '').split(' ').filter((part) => part !== '');
  }

  /** One unit's row of the field-test speed table under a grouping: its name and its cells' text. */
  async readSpeedRow(groupBy: string, key: string): Promise<{ label: string; cells: string[] }> {
    await this.openPanel('evidence');
    await this.page.getByTestId('evidence-group-by').selectOption(groupBy);
    const row = this.page.locator(`[data-testid="evidence-speed-row"][data-key="${key}"]`);
    await row.waitFor({ timeout: 10_000 });
    return { label: (await row.locator('th').innerText()).trim(), cells: (await row.locator('td').allInnerTexts()).map((text) => text.trim()) };
  }

  /** The challenged hexagons listed in the field-test panel. */
  async readChallenges(): Promise<{ h3: string; text: string }[]> {
    await this.openPanel('evidence');
    const rows = this.page.getByTestId('evidence-challenge-row');
    const count = await rows.count();
    const out: { h3: string; text: string }[] = [];
    for (let index = 0; index < count; index++) out.push({ h3: (await rows.nth(index).getAttribute('data-h3')) ?? '', text: await rows.nth(index).innerText() });
    return out;
  }

  /** Shows a listed challenge on the map and returns how many challenge hexagons the map then draws in view. */
  async showChallengeOnMap(index: number): Promise<number> {
    await this.page.getByTestId('evidence-challenge-show').nth(index).click();
    const map = this.page.getByTestId('map');
    await this.page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-challenges-drawn') ?? 0) > 0, null, { timeout: 60_000 });
    return Number(await map.getAttribute('data-challenges-drawn'));
  }

  /** The prediction-against-the-field rows: operator|technology → text. */
  async readAgreement(): Promise<Record<string, string>> {
    await this.openPanel('evidence');
    const rows = this.page.getByTestId('evidence-agreement-row');
    const out: Record<string, string> = {};
    for (let index = 0; index < (await rows.count()); index++) {
      const cells = await rows.nth(index).locator('th, td').allInnerTexts();
      out[`${cells[0]}|${cells[1]}`] = cells.join(' | ');
    }
    return out;
  }

  /** The import report's error line and its code. */
  async importError(): Promise<{ code: string; text: string }> {
    const error = this.page.getByTestId('import-error');
    await error.waitFor();
    return { code: (await error.getAttribute('data-code')) ?? '', text: await error.innerText() };
  }

  /** Clicks a download button and returns the downloaded file's text. */
  async downloadText(testId: string): Promise<{ fileName: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(testId).click();
    const file = await download;
    const target = path.join(RESULTS_DIR, 'downloads', file.suggestedFilename());
    mkdirSync(path.dirname(target), { recursive: true });
    await file.saveAs(target);
    return { fileName: file.suggestedFilename(), text: readFileSync(target, 'utf8') };
  }

  /**
   * "Xuất kết quả mọi ấp, khóm": writes every hamlet's results in a format and coordinate system from
   * the hamlet-list panel; returns the saved file's path and name once the panel says it is done.
   */
  async exportResults(format: 'gpkg' | 'shp' | 'tab' | 'kml' | 'xlsx', system: 'wgs84' | 'vn2000-tm:105.5', layer: 'hamlets' | 'sites' | 'proposals' = 'hamlets'): Promise<{ path: string; fileName: string; status: string }> {
    await this.openPanel('hamlets');
    const box = this.page.getByTestId('result-export');
    if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
    await this.page.getByTestId('result-export-format').selectOption(format);
    if (await this.page.getByTestId('result-export-layer').isEnabled()) await this.page.getByTestId('result-export-layer').selectOption(layer);
    if (await this.page.getByTestId('result-export-system').isEnabled()) await this.page.getByTestId('result-export-system').selectOption(system);
    const download = this.page.waitForEvent('download', { timeout: 120_000 });
    await this.page.getByTestId('result-export-run').click();
    const file = await download;
    const target = path.join(RESULTS_DIR, 'downloads', file.suggestedFilename());
    mkdirSync(path.dirname(target), { recursive: true });
    await file.saveAs(target);
    const status = this.page.locator('[data-testid="result-export-status"][data-state="done"]');
    await status.waitFor({ timeout: 10_000 });
    return { path: target, fileName: file.suggestedFilename(), status: await status.innerText() };
  }

  /** "Lưu dự án": returns the saved file's path and text. */
  async saveProject(): Promise<{ path: string; text: string }> {
    await this.openPanel('import');
    const { fileName, text } = await this.downloadText('project-save');
    return { path: path.join(RESULTS_DIR, 'downloads', fileName), text };
  }

  /** "Mở dự án" with a valid file: waits for the restored data's analysis. */
  async openProject(file: string): Promise<void> {
    await this.openPanel('import');
    await this.waitForNewAnalysis(async () => {
      await this.page.getByTestId('project-file').setInputFiles(file);
      await this.page.locator('[data-testid="project-status"][data-state="opened"]').waitFor();
    });
  }

  /** "Mở dự án" with a file that is refused: returns the listed problems. */
  async openInvalidProject(name: string, content: string): Promise<string[]> {
    await this.openPanel('import');
    await this.page.getByTestId('project-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    // The list of this file's problems: a list shown for an earlier file must not be read.
    const problems = this.page.locator(`[data-testid="project-problems"][data-file="${name}"]`);
    await problems.waitFor();
    return problems.locator('li').allInnerTexts();
  }

  /** "Mở dự án" with a file that switches an online basemap on: returns the question shown, then answers it. */
  async openProjectAskingForBasemap(name: string, content: string, answer: 'allow' | 'refuse'): Promise<string> {
    await this.openPanel('import');
    await this.page.getByTestId('project-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    const question = this.page.getByTestId('project-basemap');
    await question.waitFor();
    const text = await question.innerText();
    if (answer === 'refuse') {
      await this.waitForNewAnalysis(async () => {
        await this.page.getByTestId('project-basemap-refuse').click();
        await this.page.locator('[data-testid="project-status"][data-state="opened"]').waitFor();
      });
    } else {
      await this.page.getByTestId('project-basemap-allow').click();
    }
    return text;
  }

  /** The Content Security Policies the page carries (its meta tags), in order. */
  async readPagePolicies(): Promise<string[]> {
    return this.page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((meta) => (meta as HTMLMetaElement).content));
  }

  /** What the browser refused under the page's Content Security Policy (its console reports each refusal). */
  policyViolations(): string[] {
    return this.session.errors.filter((error) => /Content Security Policy/i.test(error));
  }

  /** As if the tab had crashed while restoring these stored layers: the restore's marker stays set. */
  async leaveRestoreUnfinished(layers: string[]): Promise<void> {
    await this.page.evaluate((names) => window.localStorage.setItem('soctrang-coverage:restore-pending', JSON.stringify(names)), layers);
  }

  /** Whether the load still counts a restore as unfinished. */
  async isRestoreMarked(): Promise<boolean> {
    return this.page.evaluate(() => window.localStorage.getItem('soctrang-coverage:restore-pending') !== null);
  }

  /** Reloads, and answers the question about the unfinished restore; returns the layers it named. */
  async reloadAnsweringRestore(answer: 'without' | 'retry'): Promise<string[]> {
    await this.page.reload();
    const question = this.page.getByTestId('restore-unfinished');
    await question.waitFor();
    const layers = ((await question.getAttribute('data-layers')) ?? '').split(' ');
    await this.page.getByTestId(answer === 'without' ? 'restore-without' : 'restore-retry').click();
    await this.waitForAnalysis();
    return layers;
  }

  /**
   * Makes number formatting throw (as a bug in a panel would), opens a panel that formats numbers,
   * and returns what the page shows in its place; `restore` puts formatting back.
   */
  async breakPanel(panel: 'hamlets' | 'kpi'): Promise<{ area: string | null; text: string; restore(): Promise<void> }> {
    await this.page.evaluate(() => {
      const prototype = Intl.NumberFormat.prototype as unknown as { __format?: PropertyDescriptor };
      prototype.__format = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format');
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', { configurable: true, get: () => { throw new Error('formatting broken for a test'); } });
    });
    await this.openPanel(panel);
    const message = this.page.locator(`[data-testid="panel-error"][data-area="${panel}"]`);
    await message.waitFor();
    return {
      area: await message.getAttribute('data-area'),
      text: await message.innerText(),
      restore: () =>
        this.page.evaluate(() => {
          const prototype = Intl.NumberFormat.prototype as unknown as { __format?: PropertyDescriptor };
          Object.defineProperty(Intl.NumberFormat.prototype, 'format', prototype.__format!);
          delete prototype.__format;
        }),
    };
  }

  /** The way back a broken panel offers: "Thử lại" (retry) or "Về bảng Chỉ tiêu" (back). */
  async recoverPanel(way: 'retry' | 'back', area: string): Promise<void> {
    const message = this.page.locator(`[data-testid="panel-error"][data-area="${area}"]`);
    await message.getByTestId(way === 'retry' ? 'panel-error-retry' : 'panel-error-back').click();
    await message.waitFor({ state: 'detached' });
  }

  /** "Thử lại" in every part of the page that shows an error; returns the parts. */
  async retryEveryBrokenPart(): Promise<string[]> {
    const areas = await this.page.locator('[data-testid="panel-error"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-area') ?? ''));
    for (const area of areas) await this.recoverPanel('retry', area);
    return areas;
  }

  /** The panel shown now (its tab). */
  async currentPanel(): Promise<string | null> {
    return this.page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid');
  }

  /** Types a value for a plan indicator in the dashboard form and saves it. */
  async enterIndicator(id: string, text: string): Promise<void> {
    await this.openPanel('kpi');
    await this.page.locator('.indicator-form summary').click();
    await this.page.getByTestId(`indicator-input-${id}`).fill(text);
    await this.waitForNewAnalysis(() => this.page.getByTestId('indicator-save').click());
  }

  /** Runs the site proposals with the panel's current options and waits for the result. */
  async runProposals(): Promise<void> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposals-run').click();
    await this.page.locator('[data-testid="proposals-status"][data-state="running"]').waitFor({ timeout: 10_000 });
    const status = this.page.locator('[data-testid="proposals-status"]:is([data-state="done"], [data-state="error"])');
    await status.waitFor({ state: 'attached', timeout: 110_000 });
    if ((await status.getAttribute('data-state')) === 'error') throw new Error(`proposal run failed: ${await status.innerText()}`);
    await this.page.getByTestId('proposal-kpis').waitFor({ timeout: 30_000 });
  }

  /** Starts a run and cancels it while it is still running; returns the phase it was in. */
  async startAndCancelProposals(): Promise<string> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposals-run').click();
    const status = this.page.locator('[data-testid="proposals-status"][data-state="running"]');
    await status.waitFor({ timeout: 10_000 });
    const phase = (await status.getAttribute('data-phase')) ?? '';
    await this.page.getByTestId('proposals-cancel').click();
    await this.page.locator('[data-testid="proposals-status"][data-state="cancelled"]').waitFor({ timeout: 10_000 });
    return phase;
  }

  async readProposalSummary(): Promise<{ count: number; solverCount: number; greedyCount: number; isOptimal: boolean; gap: number | null; solveMs: number; method: string }> {
    await this.openPanel('proposals');
    const summary = this.page.getByTestId('proposals-summary');
    const read = async (name: string) => (await summary.getAttribute(name)) ?? '';
    const gap = await read('data-gap');
    return {
      count: Number(await read('data-count')),
      solverCount: Number(await read('data-solver-count')),
      greedyCount: Number(await read('data-greedy-count')),
      isOptimal: (await read('data-optimal')) === 'true',
      gap: gap === '' ? null : Number(gap),
      solveMs: Number(await read('data-solve-ms')),
      method: await read('data-method'),
    };
  }

  async readProposals(): Promise<ProposalReading[]> {
    await this.openPanel('proposals');
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="proposal-row"]')].map((row) => {
        const data = (name: string) => row.getAttribute(`data-${name}`) ?? '';
        const text = (id: string) => (row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim();
        return {
          id: data('id'),
          rank: Number(data('rank')),
          kind: data('kind'),
          operator: data('operator'),
          technology: data('technology'),
          radiusMeters: Number(data('radius')),
          lng: Number(data('lng')),
          lat: Number(data('lat')),
          name: text('proposal-name'),
          location: text('proposal-location'),
          place: text('proposal-place'),
          helped: data('helped') === '' ? [] : data('helped').split(' '),
          helpedText: text('proposal-hamlets'),
          makesShared: data('makes-shared') === 'true',
        };
      }),
    );
  }

  /** Sets the aim of the proposals (coverage, shared-site ratio or both) and, when given, the shared-site target in %. */
  async setProposalAim(aim: 'coverage' | 'shared' | 'both', sharedTargetPercent?: number): Promise<void> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposal-aim').selectOption(aim);
    if (sharedTargetPercent !== undefined) {
      const input = this.page.getByTestId('proposal-shared-target');
      await input.fill(String(sharedTargetPercent));
      await input.blur();
    }
  }

  /** Sets the longest computing time of a proposal run, in seconds. */
  async setProposalTimeLimit(seconds: number): Promise<void> {
    await this.openPanel('proposals');
    const input = this.page.getByTestId('proposal-time-limit');
    await input.fill(String(seconds));
    await input.blur();
  }

  /** Sets one of the proposal options: a select (`proposal-technology`) or a number field (`proposal-spacing`). */
  async setProposalOption(testId: string, value: string): Promise<void> {
    await this.openPanel('proposals');
    const field = this.page.getByTestId(testId);
    if ((await field.evaluate((node) => node.tagName)) === 'SELECT') await field.selectOption(value);
    else {
      await field.fill(value);
      await field.blur();
    }
  }

  /** Runs the proposals with options the engine refuses; returns the refusal's code and the text shown. */
  async runProposalsRefused(): Promise<{ code: string; text: string }> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposals-run').click();
    const error = this.page.getByTestId('proposals-error');
    await error.waitFor({ timeout: 60_000 });
    return { code: (await error.getAttribute('data-code')) ?? '', text: (await this.page.getByTestId('proposals-status').innerText()).trim() };
  }

  /**
   * "Lập kế hoạch mới từ kế hoạch này": opens the form (its defaults returned), types the given
   * targets' thresholds (target id → text as a user types it) and saves; returns the plan's summary
   * as the panel then shows it.
   */
  async derivePlan(thresholds: Record<string, string>): Promise<{ defaults: { title: string; shortTitle: string; start: string; horizon: string }; summary: string }> {
    await this.openPanel('cycle');
    await this.page.getByTestId('cycle-plan-derive').click();
    const value = (testId: string) => this.page.getByTestId(testId).inputValue();
    const defaults = { title: await value('cycle-form-title'), shortTitle: await value('cycle-form-short-title'), start: await value('cycle-form-start'), horizon: await value('cycle-form-horizon') };
    for (const [id, text] of Object.entries(thresholds)) await this.page.getByTestId(`cycle-form-target-${id}`).fill(text);
    await this.page.getByTestId('cycle-form-save').click();
    await this.page.getByTestId('cycle-plan-form').waitFor({ state: 'detached' });
    return { defaults, summary: (await this.page.getByTestId('cycle-plan').locator('p').first().innerText()).trim() };
  }

  /** The header's title and the page's title. */
  async readTitles(): Promise<{ header: string; page: string }> {
    return { header: (await this.page.getByTestId('app-title').innerText()).trim(), page: await this.page.title() };
  }

  /** "Nhập kế hoạch" with a file the plan decoder refuses; returns the problems as listed. */
  async importPlanRefused(name: string, content: string): Promise<{ title: string; problems: string[] }> {
    await this.openPanel('cycle');
    await this.page.getByTestId('cycle-plan-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    const list = this.page.getByTestId('cycle-plan-problems');
    await list.waitFor({ timeout: 30_000 });
    const title = (await this.page.locator('[data-testid="cycle-plan"] p.error').innerText()).trim();
    return { title, problems: (await list.locator('li').allInnerTexts()).map((text) => text.trim()) };
  }

  /** The solver's status code and the codes of what the time limit cut short. */
  async readProposalStatus(): Promise<{ status: string; cutShort: string[]; text: string }> {
    const summary = this.page.getByTestId('proposals-summary');
    const cut = (await summary.getAttribute('data-cut-short')) ?? '';
    return { status: (await summary.getAttribute('data-status')) ?? '', cutShort: cut === '' ? [] : cut.split(' '), text: (await this.page.getByTestId('proposals-status-text').innerText()).trim() };
  }

  /** Moves a proposal (by id) from the keyboard: picks it, types the coordinates, presses Enter. */
  async moveProposalByKeyboard(id: string, lng: number, lat: number): Promise<void> {
    await this.openPanel('proposals');
    const row = this.page.locator(`[data-testid="proposal-row"][data-id="${id}"]`);
    await row.getByTestId('proposal-show').click();
    await row.getByTestId('proposal-move-lng').fill(String(lng));
    await row.getByTestId('proposal-move-lat').fill(String(lat));
    await this.waitForProposalEvaluation(() => row.getByTestId('proposal-move-lat').press('Enter'));
  }

  async readProposalKpis(): Promise<ProposalKpiReading> {
    await this.openPanel('proposals');
    return this.page.evaluate(() => {
      const rows: Record<string, { before: number; after: number; state: string }> = {};
      for (const cell of document.querySelectorAll('[data-testid^="proposal-kpi-"][data-testid$="-after"]')) {
        const id = cell.getAttribute('data-testid')!.replace(/^proposal-kpi-/, '').replace(/-after$/, '');
        const before = document.querySelector(`[data-testid="proposal-kpi-${id}-before"]`)!.getAttribute('data-value');
        rows[id] = { before: Number(before), after: Number(cell.getAttribute('data-value')), state: cell.getAttribute('data-state') ?? '' };
      }
      return rows;
    });
  }

  /** Waits until the proposal set has been evaluated at least once on this page (after a load or reload). */
  async waitForProposalsEvaluated(): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('proposals-evaluated').length > 0, null, { timeout: 60_000 });
  }

  /** The worker's time for the last edit's re-analysis, in ms. */
  async proposalReanalysisMs(): Promise<number> {
    return Number(await this.page.getByTestId('proposals-reanalysis').getAttribute('data-ms'));
  }

  /** Whether the last edit was re-analysed from a base with the other proposals already folded in. */
  async proposalEditWasPinned(): Promise<boolean> {
    return (await this.page.getByTestId('proposals-reanalysis').getAttribute('data-pinned')) === 'true';
  }

  /** Does an edit and waits until the worker has re-analysed the proposal set. */
  private async waitForProposalEvaluation(action: () => Promise<void>): Promise<void> {
    const before = await this.page.evaluate(() => performance.getEntriesByName('proposals-evaluated').length);
    await action();
    await this.page.waitForFunction((count) => performance.getEntriesByName('proposals-evaluated').length > count, before, { timeout: 30_000 });
  }

  /** Centres the map on a proposal through its "show on map" button. */
  async showProposalOnMap(rank: number): Promise<void> {
    await this.openPanel('proposals');
    const hashBefore = new URL(this.page.url()).hash;
    await this.page.getByTestId('proposal-row').nth(rank - 1).getByTestId('proposal-show').click();
    await this.page.waitForFunction((before) => window.location.hash !== before, hashBefore, { timeout: 20_000 });
    await this.page.waitForTimeout(300);
  }

  private async mapCentre(): Promise<{ x: number; y: number }> {
    const box = (await this.page.getByTestId('map').boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Drags whatever proposal sits at the map's centre by (dx, dy) screen pixels. */
  async dragProposalAtMapCentre(dx: number, dy: number): Promise<void> {
    const { x, y } = await this.mapCentre();
    await this.waitForProposalEvaluation(async () => {
      await this.page.mouse.move(x, y);
      await this.page.mouse.down();
      await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
      await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
      await this.page.mouse.up();
    });
  }

  /** Adds a site in the add-site mode by clicking (dx, dy) pixels from the map's centre. */
  async addProposalOnMap(dx: number, dy: number): Promise<void> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposals-add-mode').click();
    const { x, y } = await this.mapCentre();
    await this.waitForProposalEvaluation(() => this.page.mouse.click(x + dx, y + dy));
    await this.page.getByTestId('proposals-add-mode').click();
  }

  /** Adds a site from the keyboard: types the coordinates into the panel's form and presses Enter. */
  async addProposalByKeyboard(lng: number, lat: number): Promise<void> {
    await this.openPanel('proposals');
    await this.page.getByTestId('proposal-add-lng').fill(String(lng));
    await this.page.getByTestId('proposal-add-lat').fill(String(lat));
    await this.waitForProposalEvaluation(() => this.page.getByTestId('proposal-add-lat').press('Enter'));
  }

  async deleteProposal(rank: number): Promise<void> {
    await this.openPanel('proposals');
    await this.waitForProposalEvaluation(() => this.page.getByTestId('proposal-row').nth(rank - 1).getByTestId('proposal-delete').click());
  }

  /** Clicks an export button of the proposals panel and returns the downloaded file's name and text. */
  async exportProposals(format: 'csv' | 'geojson'): Promise<{ name: string; text: string }> {
    await this.openPanel('proposals');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`proposals-export-${format}`).click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
  }

  async switchLanguage(locale: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId(`language-${locale}`).click();
  }

  async layerOrigin(layer: string): Promise<string | null> {
    await this.openPanel('import');
    return this.page.getByTestId(`origin-${layer}`).getAttribute('data-origin');
  }

  async reload(timeoutMs = 60_000): Promise<void> {
    await this.page.reload();
    await this.waitForAnalysis(timeoutMs);
  }

  /** Imports a large file (a path: over Playwright's buffer limit, or just big) and waits for its analysis. */
  async importLargeFile(kind: 'sites' | 'fibre', file: string, mode: 'replace' | 'add', timeoutMs: number): Promise<string> {
    await this.waitForNewAnalysis(async () => {
      await this.pickImportFile(kind, path.basename(file), { path: file }, mode);
      // A file over the inspection limit may stop at the review step (its coordinates' system guessed) first.
      const report = this.page.locator(`[data-testid="import-report"]:has(h3:text-is(${JSON.stringify(this.reportTitle(path.basename(file)))}))`);
      const shown = report.or(this.page.getByTestId('import-review')).first();
      await shown.waitFor({ timeout: timeoutMs });
      if ((await shown.getAttribute('data-testid')) === 'import-review') await this.page.getByTestId('import-confirm').click();
      await report.waitFor({ timeout: timeoutMs });
    }, timeoutMs);
    return this.page.getByTestId('import-report').innerText();
  }

  /**
   * Reloads and crashes the tab while it restores the stored layers (as a layer too big for the page
   * would), then opens the app again in a new tab of the same browser profile (its storage kept).
   */
  async crashDuringRestoreAndReopen(): Promise<void> {
    const crashed = this.page;
    await crashed.reload({ waitUntil: 'commit' });
    await crashed.waitForFunction(() => window.localStorage.getItem('soctrang-coverage:restore-pending') !== null, null, { polling: 10, timeout: 60_000 });
    const cdp = await crashed.context().newCDPSession(crashed);
    const crash = crashed.waitForEvent('crash', { timeout: 30_000 });
    // The command never answers: the page it would answer from is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crash;
    const page = await crashed.context().newPage();
    page.on('pageerror', (error) => this.session.errors.push(`pageerror: ${error.message}`));
    this.session.page = page;
    await page.goto(this.baseUrl);
  }

  /** The question about an unfinished restore, if the load asks it: the layers it names and its text. */
  async restoreQuestion(): Promise<{ layers: string[]; text: string }> {
    const question = this.page.getByTestId('restore-unfinished');
    await question.waitFor({ timeout: 60_000 });
    return { layers: ((await question.getAttribute('data-layers')) ?? '').split(' '), text: await question.innerText() };
  }

  /** Answers the question about an unfinished restore and waits for the analysis. */
  async answerRestore(answer: 'without' | 'retry', timeoutMs = 60_000): Promise<void> {
    await this.page.getByTestId(answer === 'without' ? 'restore-without' : 'restore-retry').click();
    await this.waitForAnalysis(timeoutMs);
  }

  async backToDemoData(): Promise<void> {
    await this.openPanel('import');
    await this.waitForNewAnalysis(() => this.page.getByTestId('reset-demo').click());
  }

  /**
   * Share of map pixels that differ from the empty background, and the number of distinct colours
   * (quantised), from a screenshot decoded by the browser itself.
   */
  async mapPixelStats(): Promise<{ paintedShare: number; colours: number }> {
    const png = await this.page.getByTestId('map').screenshot();
    return this.page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const background = [0xee, 0xf2, 0xf0];
      const colours = new Set<number>();
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - background[0]) + Math.abs(data[i + 1] - background[1]) + Math.abs(data[i + 2] - background[2]) > 24) painted++;
        colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
      return { paintedShare: painted / (data.length / 4), colours: colours.size };
    }, png.toString('base64'));
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true });
    await this.page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', `${name}.png`) });
  }

  /** Time from navigation to the first analysed map frame, and the worker's engine time. */
  async timings(): Promise<{ firstMapDrawMs: number; appStartMs: number; workerAnalysisMs: number | null }> {
    return this.page.evaluate(() => {
      const mark = (name: string) => performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
      const analysis = mark('analysis-done');
      return {
        firstMapDrawMs: Math.round(mark('first-map-draw')?.startTime ?? -1),
        appStartMs: Math.round(mark('app-start')?.startTime ?? -1),
        workerAnalysisMs: analysis ? Math.round((analysis.detail as { workerMs: number }).workerMs) : null,
      };
    });
  }

  /** Requests that did not go to the app's own origin (data: and blob: URLs are local). */
  offOriginRequests(): string[] {
    const origin = new URL(this.baseUrl).origin;
    return this.session.requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
  }

  /** Chooses the coverage layer in the header (the map and the print follow). */
  async selectLayer(layer: 'mobile' | '4g' | '5g' | 'ftth'): Promise<void> {
    await this.page.getByTestId('layer-select').selectOption(layer);
  }

  /** Opens the print dialog from the header. */
  async openPrintDialog(): Promise<void> {
    if (!(await this.page.getByTestId('print-dialog').isVisible().catch(() => false))) await this.page.getByTestId('print-open').click();
    await this.page.getByTestId('print-dialog').waitFor();
  }

  /** Imports a reference (context) layer file through the import dialog; returns the report's text. */
  async importReferenceLayer(file: string, mode: 'replace' | 'add'): Promise<string> {
    return this.importReferenceFileSet([file], mode);
  }

  /** Imports several files picked at once (a MapInfo table with its .dat, .map, .id) as a reference layer; returns the report's text. */
  async importReferenceFileSet(files: string[], mode: 'replace' | 'add'): Promise<string> {
    await this.openPanel('import');
    await this.page.getByTestId('import-kind').selectOption('reference');
    await this.page.getByTestId(`import-mode-${mode}`).check();
    await this.page.getByTestId('import-file').setInputFiles(files);
    await this.page.locator('[data-testid="import-report"][data-state="ok"]').waitFor({ timeout: 60_000 });
    return this.page.getByTestId('import-report').innerText();
  }

  /** The reference layers listed in the import panel: their line of text and the attribute labels come from. */
  async readReferenceLayers(): Promise<{ text: string; label: string }[]> {
    await this.openPanel('import');
    const items = this.page.getByTestId('reference-layer');
    const out: { text: string; label: string }[] = [];
    for (let index = 0; index < (await items.count()); index++) {
      out.push({ text: (await items.nth(index).locator('span').first().innerText()).trim(), label: await items.nth(index).getByTestId('reference-label').inputValue() });
    }
    return out;
  }

  /** Picks the attribute a reference layer's labels come from ('' for none). */
  async setReferenceLabel(index: number, attribute: string): Promise<void> {
    await this.openPanel('import');
    await this.page.getByTestId('reference-label').nth(index).selectOption(attribute);
  }

  /** Removes a reference layer from the import panel. */
  async removeReferenceLayer(index: number): Promise<void> {
    await this.openPanel('import');
    await this.page.getByTestId('reference-remove').nth(index).click();
  }

  /** Pixels of the map (a screenshot) within `distance` (sum of channel differences) of `rgb`. */
  async countMapPixelsNear(rgb: number[], distance: number): Promise<number> {
    const shot = PNG.sync.read(await this.page.getByTestId('map').screenshot());
    let count = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (Math.abs(shot.data[i] - rgb[0]) + Math.abs(shot.data[i + 1] - rgb[1]) + Math.abs(shot.data[i + 2] - rgb[2]) < distance) count++;
    return count;
  }

  /** Closes the print dialog (its × button). */
  async closePrintDialog(): Promise<void> {
    await this.page.getByTestId('print-dialog').locator('header button').click();
    await this.page.getByTestId('print-dialog').waitFor({ state: 'detached' });
  }

  /** Each field of the print dialog that sticks out of the dialog (test id), and the data date shown. */
  async readPrintDialogFit(): Promise<{ overflowing: string[]; dataDate: string }> {
    await this.openPrintDialog();
    const overflowing = await this.page.getByTestId('print-dialog').evaluate((dialog) => {
      const box = dialog.getBoundingClientRect();
      return [...dialog.querySelectorAll('input, select')]
        .filter((control) => {
          const rect = control.getBoundingClientRect();
          return rect.left < box.left || rect.right > box.right - 8 || control.scrollWidth > control.clientWidth + 1 && control.tagName === 'SELECT';
        })
        .map((control) => control.getAttribute('data-testid') ?? control.tagName);
    });
    return { overflowing, dataDate: await this.page.getByTestId('print-data-date').inputValue() };
  }

  /** Types a data date in the print dialog; returns the hint shown and whether PDF export is possible. */
  async typePrintDataDate(text: string): Promise<{ hint: string; canExport: boolean }> {
    await this.openPrintDialog();
    await this.page.getByTestId('print-data-date').fill(text);
    return { hint: (await this.page.getByTestId('print-data-date-hint').innerText()).trim(), canExport: await this.page.getByTestId('print-export-pdf').isEnabled() };
  }

  /** Pixels of the "covered" fill on the map outside the print dialog (the map is drawn, not blank). */
  async countCoveredPixelsBesideDialog(): Promise<number> {
    const map = (await this.page.getByTestId('map').boundingBox())!;
    const dialog = (await this.page.getByTestId('print-dialog').boundingBox())!;
    const shot = PNG.sync.read(await this.page.screenshot({ clip: map }));
    const covered = [0x43, 0x96, 0xc3];
    let count = 0;
    for (let y = 0; y < shot.height; y++) {
      for (let x = Math.ceil(dialog.x + dialog.width - map.x); x < shot.width; x++) {
        const i = (y * shot.width + x) * 4;
        if (Math.abs(shot.data[i] - covered[0]) + Math.abs(shot.data[i + 1] - covered[1]) + Math.abs(shot.data[i + 2] - covered[2]) < 40) count++;
      }
    }
    return count;
  }

  /** Sets the print dialog's fields (only those given). */
  async setPrintOptions(options: PrintOptions): Promise<void> {
    await this.openPrintDialog();
    if (options.title !== undefined) await this.page.getByTestId('print-title').fill(options.title);
    if (options.paper) await this.page.getByTestId('print-paper').selectOption(options.paper);
    if (options.orientation) await this.page.getByTestId('print-orientation').selectOption(options.orientation);
    if (options.extent) await this.page.getByTestId('print-extent').selectOption(options.extent);
    if (options.unit) await this.page.getByTestId('print-unit').selectOption(options.unit);
    if (options.atlas !== undefined) await this.page.getByTestId('print-atlas').selectOption(options.atlas);
    if (options.mapContent !== undefined) await this.page.getByTestId('print-map-content').selectOption(options.mapContent);
  }

  /**
   * Clicks an export button of the print dialog, saves the download under test-results/print/ and
   * returns its path with the app's own timings (layout with map pictures, and the whole export).
   */
  async exportPrint(kind: 'pdf' | 'png', fileName: string): Promise<{ path: string; pages: number; layoutMs: number; totalMs: number; mapOpenMs: number; mapRenderMs: number[] }> {
    await this.openPrintDialog();
    const marksBefore = await this.page.evaluate(() => performance.getEntriesByName('print-done').length);
    const download = this.page.waitForEvent('download', { timeout: 600_000 });
    await this.page.getByTestId(`print-export-${kind}`).click();
    const file = path.join(RESULTS_DIR, 'print', fileName);
    mkdirSync(path.dirname(file), { recursive: true });
    await (await download).saveAs(file);
    await this.page.waitForFunction((count) => performance.getEntriesByName('print-done').length > count, marksBefore, { timeout: 60_000 });
    const detail = await this.page.evaluate(() => {
      const done = (performance.getEntriesByName('print-done').at(-1) as PerformanceMark).detail as { pages: number; layoutMs: number; totalMs: number };
      const durations = (name: string) => performance.getEntriesByName(name).map((entry) => Math.round(entry.duration));
      const result = { ...done, mapOpenMs: durations('print-map-open').at(-1) ?? 0, mapRenderMs: durations('print-map-render') };
      performance.clearMeasures('print-map-open');
      performance.clearMeasures('print-map-render');
      return result;
    });
    return { path: file, ...detail };
  }

  /** Starts an export, cancels it once the progress bar shows, and returns the status the dialog ends in. */
  async startAndCancelPrint(): Promise<{ sawProgress: boolean; state: string | null }> {
    await this.openPrintDialog();
    await this.page.getByTestId('print-export-pdf').click();
    const progress = this.page.getByTestId('print-progress');
    await progress.waitFor({ timeout: 30_000 });
    const sawProgress = (await progress.getAttribute('max')) !== null;
    await this.page.getByTestId('print-cancel').click();
    await this.page.locator('[data-testid="print-status"]:not([data-state="running"])').waitFor({ timeout: 120_000 });
    return { sawProgress, state: await this.page.getByTestId('print-status').getAttribute('data-state') };
  }

  /** "Lưu kỳ số liệu": keeps the current results as a snapshot of a date; returns the label shown. */
  async saveSnapshot(asOf: string, label: string): Promise<string> {
    await this.openPanel('cycle');
    await this.page.getByTestId('snapshot-as-of').fill(asOf);
    await this.page.getByTestId('snapshot-label').fill(label);
    await this.page.getByTestId('snapshot-save').click();
    return this.page.getByTestId('snapshot-saved').innerText();
  }

  /** The ids of the saved snapshots, as the "Báo cáo năm" panel lists them. */
  async snapshotIds(): Promise<string[]> {
    await this.openPanel('cycle');
    await this.page.getByTestId('cycle-snapshots').waitFor();
    // The stored snapshots are read from IndexedDB after the page starts: wait for the first one.
    await this.page.locator('[data-testid="snapshot-list"] > li').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const items = await this.page.locator('[data-testid="snapshot-list"] > li').all();
    return Promise.all(items.map(async (item) => ((await item.getAttribute('data-testid')) ?? '').replace(/^snapshot-/, '')));
  }

  /** Chooses the compared snapshots (later: a snapshot's id, or null for the current data) and reads the change. */
  async compareSnapshots(beforeId: string, afterId: string | null): Promise<{ layers: Record<string, { newly: number; lost: number }>; sites: { added: number; removed: number; newlyShared: number } }> {
    await this.openPanel('cycle');
    await this.page.getByTestId('compare-before').selectOption(beforeId);
    await this.page.getByTestId('compare-after').selectOption(afterId ?? '');
    const number = async (testId: string, name: string) => Number(await this.page.getByTestId(testId).getAttribute(name));
    const layers: Record<string, { newly: number; lost: number }> = {};
    for (const layer of ['mobile', '4g', '5g', 'ftth']) layers[layer] = { newly: await number(`change-${layer}`, 'data-newly'), lost: await number(`change-${layer}`, 'data-lost') };
    return { layers, sites: { added: await number('change-sites', 'data-added'), removed: await number('change-sites', 'data-removed'), newlyShared: await number('change-sites', 'data-newly-shared') } };
  }

  /**
   * The compared results' site lists as the "Báo cáo năm" panel shows them (each opened): the ids of
   * the sites added, gone, newly shared and no longer shared, and the renumbered or moved ones as
   * `before→after` with their line of text.
   */
  async readChangeSiteLists(): Promise<{ added: string[]; removed: string[]; newlyShared: string[]; noLongerShared: string[]; rematched: { pair: string; text: string }[] }> {
    await this.openPanel('cycle');
    const ids = async (testId: string) => {
      const list = this.page.getByTestId(testId);
      if ((await list.count()) === 0) return [];
      await list.locator('summary').click();
      return list.locator('li[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
    };
    const rematchedList = this.page.getByTestId('change-rematched-list');
    let rematched: { pair: string; text: string }[] = [];
    if ((await rematchedList.count()) > 0) {
      await rematchedList.locator('summary').click();
      rematched = await rematchedList.locator('li[data-before]').evaluateAll((items) => items.map((item) => ({ pair: `${item.getAttribute('data-before')}→${item.getAttribute('data-after')}`, text: (item.textContent ?? '').trim() })));
    }
    return { added: await ids('change-added-list'), removed: await ids('change-removed-list'), newlyShared: await ids('change-newly-shared-list'), noLongerShared: await ids('change-no-longer-shared-list'), rematched };
  }

  /** The ids of the hamlets found in one compared side only, as the panel lists them (each list opened). */
  async readUnmatchedHamletLists(): Promise<{ onlyBefore: string[]; onlyAfter: string[] }> {
    await this.openPanel('cycle');
    const ids = async (testId: string) => {
      const list = this.page.getByTestId(testId);
      if ((await list.count()) === 0) return [];
      await list.locator('summary').click();
      return list.locator('li[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
    };
    return { onlyBefore: await ids('change-only-before-list'), onlyAfter: await ids('change-only-after-list') };
  }

  /** Switches the map to the change since the earlier snapshot; returns the legend's title. */
  async showChangeOnMap(): Promise<string> {
    await this.openPanel('cycle');
    await this.page.getByTestId('compare-show-on-map').check();
    // As a screen reader reads it: without the fold arrow, which is aria-hidden.
    return this.page.getByTestId('legend-title').evaluate((title) => {
      const copy = title.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return (copy.textContent ?? '').trim();
    });
  }

  /** The KPI panel's targets then → now: target id → the two values. */
  async readTargetChange(): Promise<Record<string, { then: number | null; now: number | null }>> {
    await this.openPanel('kpi');
    const rows = this.page.locator('[data-testid="target-change-table"] tbody tr');
    const values: Record<string, { then: number | null; now: number | null }> = {};
    const read = (text: string | null) => (text === null || text === '' ? null : Number(text));
    for (const row of await rows.all()) {
      const id = ((await row.getAttribute('data-testid')) ?? '').replace('target-change-', '');
      values[id] = { then: read(await row.getAttribute('data-then')), now: read(await row.getAttribute('data-now')) };
    }
    return values;
  }

  /**
   * "Tải báo cáo (.docx)": writes the annual report with a report date, and maps from the print layout
   * ('area', or the area and one per unit of a grouping; the maps' progress bar must show); returns the
   * saved file's path.
   */
  async downloadReport(reportDate: string, maps: 'none' | 'area' | 'district' | 'commune' | 'new_commune' = 'none'): Promise<string> {
    await this.openPanel('cycle');
    await this.page.getByTestId('report-date').fill(reportDate);
    // A report on a saved later snapshot has no maps: the choice is disabled then.
    const mapChoice = this.page.getByTestId('report-maps');
    if (maps !== 'none' || (await mapChoice.isEnabled())) await mapChoice.selectOption(maps);
    const download = this.page.waitForEvent('download', { timeout: 600_000 });
    await this.page.getByTestId('report-download').click();
    if (maps !== 'none') await this.page.getByTestId('report-progress').waitFor({ timeout: 60_000 });
    const file = await download;
    const target = path.join(RESULTS_DIR, 'downloads', file.suggestedFilename());
    mkdirSync(path.dirname(target), { recursive: true });
    await file.saveAs(target);
    await this.page.locator('[data-testid="report-status"][data-state="done"]').waitFor();
    return target;
  }

  /** Sets the page's size, as a laptop (1366 × 768) or a desktop screen (1920 × 1080) shows it. */
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  /** The header's height, where the map starts, and whether the header's one line overflows or cuts its title. */
  async readHeaderLayout(): Promise<{ headerHeight: number; mapTop: number; barLines: number; isTitleCut: boolean }> {
    return this.page.evaluate(() => {
      const header = document.querySelector('[data-testid="app-header"]')!;
      const bar = header.firstElementChild as HTMLElement;
      const title = document.querySelector('[data-testid="app-title"]') as HTMLElement;
      // Distinct rows the bar's items sit on: one unless something wrapped.
      const tops = new Set([...bar.children].map((item) => Math.round(item.getBoundingClientRect().top + item.getBoundingClientRect().height / 2)));
      return {
        headerHeight: header.getBoundingClientRect().height,
        mapTop: document.querySelector('[data-testid="map"]')!.getBoundingClientRect().top,
        barLines: tops.size,
        isTitleCut: title.scrollWidth > title.clientWidth,
      };
    });
  }

  /** The group table as shown: each row's key, name, figures (raw values) and how many lines its name takes; the total row. */
  async readGroupTable(): Promise<{ rows: GroupRowReading[]; total: Record<string, number>; totalText: string; outsideSitesNote: string }> {
    await this.openPanel('kpi');
    return this.page.evaluate(() => {
      const figures = (row: Element) => Object.fromEntries([...row.querySelectorAll('td[data-column]')].map((cell) => [cell.getAttribute('data-column')!, Number(cell.getAttribute('data-value'))]));
      const lines = (cell: Element) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
      };
      const rows = [...document.querySelectorAll('[data-testid="group-row"]')].map((row) => ({
        key: row.getAttribute('data-key')!,
        name: (row.querySelector('th')!.textContent ?? '').trim(),
        nameLines: lines(row.querySelector('th')!),
        figures: figures(row),
      }));
      const total = document.querySelector('[data-testid="group-total"]')!;
      const note = document.querySelector('[data-testid="group-outside-sites"]');
      return { rows, total: figures(total), totalText: (total.querySelector('th')!.textContent ?? '').trim(), outsideSitesNote: (note?.textContent ?? '').trim() };
    });
  }

  /** Sorts the group table by a column from the keyboard (focus its heading, Enter); returns the heading's aria-sort. */
  async sortGroupTableBy(column: string): Promise<string | null> {
    const heading = this.page.getByTestId(`group-sort-${column}`);
    await heading.locator('button').focus();
    await this.page.keyboard.press('Enter');
    return heading.getAttribute('aria-sort');
  }

  /** Clicks a unit's name in the group table and waits until the map has moved there; returns the new view. */
  async zoomToGroupUnit(key: string): Promise<UrlState['view']> {
    await this.openPanel('kpi');
    const hashBefore = new URL(this.page.url()).hash;
    await this.page.locator(`[data-testid="group-row"][data-key="${key}"]`).getByTestId('group-zoom').click();
    await this.page.waitForFunction((before) => window.location.hash !== before && window.location.hash.includes('map='), hashBefore, { timeout: 20_000 });
    // fitBounds animates; the hash is written on each moveend, so wait for the last one.
    await this.page.waitForTimeout(900);
    return this.urlState().view;
  }

  /** Changes the URL's hash in the open tab, as pasting a link or editing the address bar does. */
  async changeUrlHash(hash: string): Promise<void> {
    await this.page.evaluate((next) => {
      window.location.hash = next;
    }, hash);
  }

  errors(): string[] {
    return [...this.session.errors];
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}

/** Adds entries to test-results/e2e-report.json (time to first map, analysis time), keeping others. */
export function recordMeasurement(name: string, values: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'e2e-report.json');
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    report = {};
  }
  report[name] = { ...values, recordedAt: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * The app for one spec file: opened (on `hash`, in `viewport`) before the file's first test, and
 * closed with the browser after its last. The object returned stands for the driver opened then, so a
 * spec writes `const app = openAppForSuite();` and uses `app` as the driver.
 */
export function openAppForSuite(hash = '', viewport?: { width: number; height: number }): AppDriver {
  let driver: AppDriver | undefined;
  beforeAll(async () => {
    driver = await AppDriver.open(hash, viewport);
  });
  afterAll(async () => {
    await driver?.close();
    await closeBrowser();
  });
  return new Proxy({} as AppDriver, {
    get(_target, key) {
      if (!driver) throw new Error('the app is opened before the first test (beforeAll)');
      const value: unknown = Reflect.get(driver, key, driver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(driver) : value;
    },
  });
}
