// Drives headless Chromium over its DevTools protocol (no npm package, any Node.js) to check xpuspec's
// HTML pages as a reader's browser shows them:
//   - the page loads with no console error, uncaught exception, CSP violation or dialog, and asks the network for
//     nothing;
//   - the table has a row per record of the JSON embedded in the page;
//   - every known value has its basis on hover and at least one source link, and every link lands on a source;
//   - every source with a web address is a link (for a chip sheet: every source the JSON lists);
//   - each column sorts both ways by clicking its heading, missing values last;
//   - each chart is laid out.
// Usage: node html_page.mjs CHROMIUM PAGE.html [SCREENSHOT.png]
// Prints what it found; exits 1 with each problem on stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [browserPath, pagePath, screenshot] = process.argv.slice(2);
const profile = mkdtempSync(`${tmpdir()}/xpuspec-cdp-`);
// The flags keep Chromium from reaching for Google's hosts, which this machine's closed network refuses.
// The protocol runs over a pipe pair (fd 3 to the browser, fd 4 from it; messages end in NUL), so any Node.js
// does, with no port and no WebSocket client.
const browser = spawn(browserPath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
  '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const problems = [];
const finish = code => {
  browser.removeAllListeners('exit');
  browser.kill('SIGKILL');
  try { rmSync(profile, { recursive: true, force: true }); } catch { /* Chromium may still hold it */ }
  process.exit(code);
};
setTimeout(() => { console.error('FAIL: timed out'); finish(1); }, 90000).unref();
browser.on('exit', code => { console.error(`FAIL: chromium exited (${code})`); finish(1); });

const [toBrowser, fromBrowser] = [browser.stdio[3], browser.stdio[4]];
let lastId = 0;
const pending = new Map();
const listeners = [];
let unread = '';
fromBrowser.on('data', chunk => {
  unread += chunk.toString('utf8');
  let end;
  while ((end = unread.indexOf('\0')) >= 0) {
    const message = JSON.parse(unread.slice(0, end));
    unread = unread.slice(end + 1);
    if (message.id !== undefined) {
      const { resolve: done, reject } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? reject(new Error(`${JSON.stringify(message.error)}`)) : done(message.result);
    } else {
      for (const listen of listeners) listen(message);
    }
  }
});
const send = (method, params = {}, sessionId = undefined) => new Promise((done, reject) => {
  const id = ++lastId;
  pending.set(id, { resolve: done, reject });
  toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
});

const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
const page = (method, params) => send(method, params, sessionId);
let loaded;
const nextLoad = () => new Promise(done => { loaded = done; });
listeners.push(({ method, params, sessionId: from }) => {
  if (from !== sessionId) return;
  if (method === 'Page.loadEventFired') loaded();
  if (method === 'Runtime.exceptionThrown') problems.push(`uncaught: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`);
  if (method === 'Runtime.consoleAPICalled' && ['error', 'assert', 'warning'].includes(params.type)) {
    problems.push(`console ${params.type}: ${params.args.map(a => a.value ?? a.description).join(' ')}`);
  }
  if (method === 'Log.entryAdded' && ['error', 'warning'].includes(params.entry.level)) {
    problems.push(`${params.entry.source} ${params.entry.level}: ${params.entry.text}`);
  }
  if (method === 'Network.requestWillBeSent' && !/^(file|data|about):/.test(params.request.url)) {
    problems.push(`network request: ${params.request.url}`);
  }
  if (method === 'Page.javascriptDialogOpening') {
    problems.push(`a dialog opened: ${params.message}`);
    page('Page.handleJavaScriptDialog', { accept: true });
  }
});
for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await page(`${domain}.enable`);
await page('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
let load = nextLoad();
await page('Page.navigate', { url: pathToFileURL(resolve(pagePath)).href });
await load;

// Runs in the page: everything the reader would look at or click.
const inspect = () => {
  const found = [];
  const data = JSON.parse(document.getElementById('xpuspec-data').textContent);
  const table = document.querySelector('table.sortable');
  if (!table) return { found: ['no sortable table'] };
  const body = table.tBodies[0];
  const records = data.chips ? data.chips.length : data.chip ? Object.keys(data.chip.values).length : null;
  if (records !== null && body.rows.length !== records) {
    found.push(`${body.rows.length} rows for ${records} records in the embedded JSON`);
  }
  // A column of values is one whose cells say on hover what they rest on (the rank number's column does not).
  let values = 0;
  const rows = [...body.rows];
  const width = rows.length ? rows[0].cells.length : 0;
  for (let column = 0; column < width; column++) {
    const cells = rows.map(row => row.cells[column]);
    if (!cells.some(c => c.title)) continue;
    for (const td of cells) {
      const where = `${td.parentElement.cells[0].textContent}: ${td.textContent}`;
      if (!td.title) found.push(`no basis on hover: ${where}`);
      if (td.dataset.sort === undefined) continue;
      values++;
      if (!td.querySelector('sup a[href^="#ref-"]')) found.push(`no source link: ${where}`);
    }
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target || !target.closest('#sources')) found.push(`link to nothing: ${a.getAttribute('href')}`);
  }
  const links = [...document.querySelectorAll('#sources a')].map(a => a.getAttribute('href'));
  for (const li of document.querySelectorAll('#sources li')) {
    // A title may quote an address; the source's own comes after it.
    const outside = [...li.childNodes].filter(n => n.nodeName !== 'CITE').map(n => n.textContent).join('');
    const url = outside.match(/https?:\/\/[^\s)]+/);
    if (url && !links.includes(url[0])) found.push(`source not linked: ${url[0]}`);
  }
  for (const href of links) if (!/^https?:\/\//.test(href)) found.push(`a source link that is not a web address: ${href}`);
  if (data.chip) {
    for (const [id, s] of Object.entries(data.chip.sources)) {
      if (/^https?:\/\//.test(s.url) && !links.includes(s.url)) found.push(`source ${id} not linked: ${s.url}`);
    }
  }
  const headings = [...table.tHead.rows[0].cells];
  let sorts = 0;
  headings.forEach((heading, column) => {
    const cells = () => [...body.rows].map(row => row.cells[column]);
    const numeric = cells().some(c => c.dataset.sort !== undefined);
    for (const direction of ['ascending', 'descending']) {
      heading.querySelector('button').click();
      sorts++;
      const name = `${heading.textContent} ${direction}`;
      if (heading.getAttribute('aria-sort') !== direction) found.push(`${name}: aria-sort is ${heading.getAttribute('aria-sort')}`);
      const now = cells();
      const order = (a, b) => (direction === 'ascending' ? a <= b : a >= b);
      if (numeric) {
        const firstMissing = now.findIndex(c => c.dataset.sort === undefined);
        if (firstMissing >= 0 && now.slice(firstMissing).some(c => c.dataset.sort !== undefined)) found.push(`${name}: a missing value sorts before a number`);
        const keys = now.filter(c => c.dataset.sort !== undefined).map(c => Number(c.dataset.sort));
        for (let i = 1; i < keys.length; i++) if (!order(keys[i - 1], keys[i])) found.push(`${name}: ${keys[i - 1]} before ${keys[i]}`);
      } else {
        const texts = now.map(c => c.textContent);
        for (let i = 1; i < texts.length; i++) {
          const c = texts[i - 1].localeCompare(texts[i]);
          if (direction === 'ascending' ? c > 0 : c < 0) found.push(`${name}: "${texts[i - 1]}" before "${texts[i]}"`);
        }
      }
    }
  });
  const charts = [...document.querySelectorAll('figure svg')];
  for (const svg of charts) if (!(svg.getBBox().width > 0)) found.push('a chart is not laid out');
  return { found, rows: body.rows.length, columns: headings.length, values, sorts, charts: charts.length, sources: links.length };
};
const { result, exceptionDetails } = await page('Runtime.evaluate', { expression: `(${inspect})()`, returnByValue: true });
if (exceptionDetails) problems.push(`the check failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
const report = result.value ?? { found: [] };
problems.push(...report.found);
if (screenshot) {
  // Back to the page as it opened (sorting moved rows), then the top of it as a reader first sees it.
  load = nextLoad();
  await page('Page.reload');
  await load;
  const { data } = await page('Page.captureScreenshot', { format: 'png' });
  writeFileSync(screenshot, Buffer.from(data, 'base64'));
}
delete report.found;
console.log(`${pagePath}: ${JSON.stringify(report)}`);
for (const p of problems) console.error(`FAIL: ${pagePath}: ${p}`);
finish(problems.length ? 1 : 0);
