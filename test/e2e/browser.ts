// The only file that imports Playwright: it launches Debian's chromium with software WebGL.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/cli/chromium-launch';

export type { Page };

export interface BrowserSession {
  page: Page;
  /** Every URL the page (and its workers) requested, in order. */
  requests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

let browser: Browser | null = null;

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return browser;
}

/** A fresh context (its own IndexedDB) and page at 1280×720 (or `viewport`), with request and error logging. */
export async function openSession(viewport = { width: 1280, height: 720 }): Promise<BrowserSession> {
  const context: BrowserContext = await (await sharedBrowser()).newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return { page, requests, errors, close: () => context.close() };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}
