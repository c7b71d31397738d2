// Runs axe-core's WCAG 2.2 A and AA rules on HTML pages in headless Chromium (Debian's chromium, driven by
// puppeteer-core), at 1280 px and at 320 px wide, and checks that nothing is wider than the 320 px viewport
// (WCAG 1.4.10 Reflow). Prints one JSON object: { pages: [{ file, violations: [...], overflow: [...] }] }.
//
//   node axe-check.mjs --chromium /usr/bin/chromium page1.html page2.html ...
//
// Exit code 0 when it ran (the caller judges the results), 2 when it could not run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const args = process.argv.slice(2);
const at = args.indexOf('--chromium');
if (at < 0 || at + 1 >= args.length) {
  console.error('usage: node axe-check.mjs --chromium PATH FILE...');
  process.exit(2);
}
const executablePath = args[at + 1];
const files = args.filter((_, i) => i !== at && i !== at + 1);

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const pages = [];
try {
  for (const file of files) {
    const page = await browser.newPage();
    const result = { file, violations: [], overflow: [], widths: {} };
    for (const width of [1280, 320]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const run = await page.evaluate(async (runTags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
      }, tags);
      for (const v of run) {
        result.violations.push({ ...v, width });
      }
      result.widths[width] = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width === 320) {
        result.overflow = await page.evaluate(() => {
          const wide = [];
          for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > document.documentElement.clientWidth + 1) {
              wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} (${Math.round(box.right)} px)`);
            }
          }
          return wide.slice(0, 10);
        });
      }
    }
    await page.emulateMediaType('print');
    result.printHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.close();
    pages.push(result);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ axe: JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version, tags, pages }));
