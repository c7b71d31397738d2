// Renders Markdown from standard input with three GFM implementations and prints their HTML as one JSON object:
//   markdown-it  markdown-it with linkify (bare URLs, www. and "fuzzy" domains) and raw HTML on
//   micromark    micromark with micromark-extension-gfm (the GFM spec's autolink literals, tables, strikethrough)
//   remark       the mdast route remark-gfm takes (mdast-util-gfm finds autolink literals in merged text)
// GitHub's own cmark-gfm is run by the tests directly (Debian's cmark-gfm package).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

const markdown = readFileSync(0, 'utf8');
const html = {
  'markdown-it': new MarkdownIt({ html: true, linkify: true }).render(markdown),
  micromark: micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
  remark: toHtml(toHast(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), { allowDangerousHtml: true }), { allowDangerousHtml: true }),
};
process.stdout.write(JSON.stringify(html));
