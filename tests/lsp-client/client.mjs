// A real Language Server Protocol client for the tests of 'fairrubrics lsp'. It is built on
// vscode-languageserver-protocol (the protocol library VS Code's own client uses): it starts the server, runs the
// steps of a scenario and prints one JSON document with what the server answered.
//
//   node client.mjs scenario.json > answers.json
//
// scenario.json: { "server": ["dotnet", ".../FairRubrics.Cli.dll", "lsp", "--stdio"],
//                  "steps": [ { "open": { "uri", "text" } }, { "change": { "uri", "text" } }, { "close": { "uri" } },
//                             { "diagnostics": { "uri" } },            // waits for the diagnostics of the last open/change
//                             { "hover": { "uri", "position" } }, { "hoverDiagnostic": { "uri", "index" } },
//                             { "completion": { "uri", "position" } },
//                             { "codeAction": { "uri", "index" } },     // for the index-th diagnostic last published
//                             { "applyFirstCodeAction": { "uri", "index" } } ] }
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, HoverRequest, CompletionRequest, CodeActionRequest,
} from 'vscode-languageserver-protocol/node.js';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [command, ...args] = scenario.server;
const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (d) => { stderr += d.toString(); });
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));

const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const published = new Map(); // uri -> [{ version, diagnostics }]
const waiters = [];
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  if (!published.has(p.uri)) published.set(p.uri, []);
  published.get(p.uri).push(p);
  for (const w of waiters.splice(0)) w();
});
connection.listen();

const versions = new Map();
const texts = new Map();
function lastDiagnostics(uri) {
  const list = published.get(uri) ?? [];
  return list.length ? list[list.length - 1].diagnostics : [];
}
async function waitFor(uri, version) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const list = published.get(uri) ?? [];
    const hit = list.find((p) => p.version === version || (version === null && p.version == null));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}`);
    await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 200); });
  }
}
function applyEdits(text, edits) {
  const lines = text.split('\n');
  const offset = (pos) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const answers = [];
try {
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      textDocument: {
        publishDiagnostics: { relatedInformation: false, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        synchronization: { didSave: true },
      },
      general: { positionEncodings: ['utf-16'] },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  answers.push({ step: 'initialize', result: init });

  for (const step of scenario.steps) {
    const [kind, p] = Object.entries(step)[0];
    let result;
    switch (kind) {
      case 'open':
        versions.set(p.uri, 1); texts.set(p.uri, p.text);
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: p.uri, languageId: 'yaml', version: 1, text: p.text } });
        break;
      case 'change': {
        const version = versions.get(p.uri) + 1;
        versions.set(p.uri, version); texts.set(p.uri, p.text);
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: p.uri, version }, contentChanges: [{ text: p.text }] });
        break;
      }
      case 'close':
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: p.uri } });
        result = await waitFor(p.uri, null);
        break;
      case 'diagnostics':
        result = await waitFor(p.uri, versions.get(p.uri));
        break;
      case 'hover':
        result = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: p.uri }, position: p.position });
        break;
      case 'hoverDiagnostic': {
        const d = lastDiagnostics(p.uri)[p.index];
        result = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: p.uri }, position: d.range.start });
        break;
      }
      case 'completion':
        result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: p.uri }, position: p.position });
        break;
      case 'codeAction':
      case 'applyFirstCodeAction': {
        const d = lastDiagnostics(p.uri)[p.index];
        result = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: p.uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
        if (kind === 'applyFirstCodeAction') {
          const edits = result[0].edit.changes[p.uri];
          const text = applyEdits(texts.get(p.uri), edits);
          const version = versions.get(p.uri) + 1;
          versions.set(p.uri, version); texts.set(p.uri, text);
          await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: p.uri, version }, contentChanges: [{ text }] });
          result = { actions: result, text, diagnostics: (await waitFor(p.uri, version)).diagnostics };
        }
        break;
      }
      default:
        throw new Error(`unknown step ${kind}`);
    }
    answers.push({ step: kind, result: result ?? null });
  }

  const shutdown = await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10000))]);
  answers.push({ step: 'shutdown', result: shutdown, exitCode: code });
  process.stdout.write(JSON.stringify({ answers, stderr }));
  connection.dispose();
  process.exit(0);
} catch (error) {
  process.stdout.write(JSON.stringify({ answers, error: String(error), stderr }));
  server.kill();
  process.exit(1);
}
