// What the browser tests share: the real `faqbot serve` on a free loopback
// port with a fresh data directory, Debian's Chromium through playwright-core,
// and pages that record every script error, dialog and CSP violation.
//
// Environment: FAQBOT_BIN (default <repo>/build/faqbot), FAQBOT_CONFIG_DIR
// (default <repo>/config), CHROMIUM (default /usr/bin/chromium),
// FAQBOT_SCREENSHOTS (folder for the screenshots, default the temp dir),
// FAQBOT_TEST_DEBUG (log every response).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const BIN = process.env.FAQBOT_BIN || path.join(repo, 'build', 'faqbot');
export const CONFIG_DIR = process.env.FAQBOT_CONFIG_DIR || path.join(repo, 'config');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = process.env.FAQBOT_SCREENSHOTS || os.tmpdir();

// Why the tests cannot run here (null when they can). `needBinary` false for
// a run against a server already running elsewhere.
export function missing(needBinary = true) {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  if (needBinary && !existsSync(BIN)) return `the faqbot binary ${BIN} is missing (build it, or set FAQBOT_BIN)`;
  return null;
}

// playwright-core's chromium; throws saying to run npm ci when it is absent.
export function playwrightChromium() {
  try {
    return createRequire(import.meta.url)('playwright-core').chromium;
  } catch (e) {
    throw new Error('playwright-core is not installed: run `npm ci` in tests/browser');
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, proc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`faqbot serve exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url + '/healthz');
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('faqbot serve did not become healthy in time');
}

// Starts `faqbot serve` with `env` added to the environment. Returns
// {base, stop(), log()}.
export async function startFaqbot(env = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'faqbot-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  let stopping = false;
  const proc = spawn(BIN, ['serve'], {
    env: {
      ...process.env,
      FAQBOT_PORT: String(port),
      FAQBOT_HOST: '127.0.0.1',
      FAQBOT_DATA_DIR: dataDir,
      FAQBOT_CONFIG_DIR: CONFIG_DIR,
      FAQBOT_SERVICE_HOURS: '00:00-24:00',  // an agent is on duty whenever the test runs
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  proc.on('exit', (code, signal) => {
    if (!stopping) console.log(`# faqbot serve died (exit ${code}, signal ${signal}) during the test\n# --- server log ---\n${log}`);
  });
  try {
    await waitHealthy(base, proc, 180000);
  } catch (e) {
    throw new Error(`${e.message}\n--- server log ---\n${log}`);
  }
  return {
    base,
    log: () => log,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        stopping = true;
        proc.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => { proc.kill('SIGKILL'); r(); }, 5000);
          proc.on('exit', () => { clearTimeout(t); r(); });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return playwrightChromium().launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--autoplay-policy=no-user-gesture-required'],
  });
}

// A fresh browser context per person (own storage), with every page error,
// dialog and Content-Security-Policy violation recorded in page.problems.
export async function newPage(browser, viewport = { width: 1280, height: 860 }, contextOptions = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { page.problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.problems.push(`csp: ${m.text()}`);
  });
  if (process.env.FAQBOT_TEST_DEBUG) {
    page.on('response', (r) => console.log(`# ${viewport.width} ${r.status()} ${r.request().method()} ${r.url()}`));
  }
  return page;
}
