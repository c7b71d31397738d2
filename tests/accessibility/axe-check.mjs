// Runs axe-core's WCAG 2.2 A and AA rules on HTML pages in headless Chromium (Debian's chromium, driven by
// puppeteer-core), at 1280 px and at 320 px wide, and checks that nothing runs past the viewport at either width
// (WCAG 1.4.10 Reflow; wide tables may scroll inside their own regions) nor off an A4 page when printed.
// Prints one JSON object: { pages: [{ file, violations: [...], overflow: [...], widths: { 1280, 320, print } }] }.
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
      for (const o of await page.evaluate(findOverflow)) {
        result.overflow.push(`at ${width} px: ${o}`);
      }
    }
    // Printed on A4 (210 mm less 1 cm margins each side is about 718 CSS px): nothing may run off the paper, and
    // scroll regions do not scroll on paper, so content inside them counts too.
    await page.emulateMediaType('print');
    await page.setViewport({ width: 718, height: 1000 });
    result.printHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    result.widths.print = await page.evaluate(() => document.documentElement.scrollWidth);
    for (const o of await page.evaluate(findOverflow, true)) {
      result.overflow.push(`in print: ${o}`);
    }
    await page.close();
    pages.push(result);
  }
} finally {
  await browser.close();
}
// Runs in the page: the elements that reach past the viewport's right edge (WCAG 1.4.10 Reflow), and the page itself
// when it scrolls sideways. Content inside a scroll container (overflow-x auto or scroll; the pages make those
// focusable, labelled regions, which axe-core checks) is reachable and does not count, unless inScrollers is true
// (print, where nothing scrolls). Content clipped by overflow hidden counts: it cannot be reached at all.
function findOverflow(inScrollers) {
  const limit = document.documentElement.clientWidth + 1;
  const wide = [];
  if (document.documentElement.scrollWidth > limit) {
    wide.push(`the page (${document.documentElement.scrollWidth} px wide)`);
  }
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x === 'auto' || x === 'scroll') {
        return true;
      }
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > limit && (inScrollers || !scrolls(el))) {
      wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} (${Math.round(box.right)} px)`);
    }
  }
  return wide.slice(0, 10);
}

console.log(JSON.stringify({ axe: JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version, tags, pages }));
