// Validates SARIF logs against the official SARIF 2.1.0 schema (sarif-2.1.0-rtm.5.json, as shipped by the npm
// package @microsoft/jest-sarif) with Ajv's draft-04 validator and the standard formats (uri, uri-reference,
// date-time, ...). Usage: node validate.js FILE... ; prints one JSON line per file:
// {"file": ..., "valid": true|false, "errors": [{"path": ..., "message": ...}]}; exit code 0 when every file is valid.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// unicodeRegExp: false: the schema's "language" pattern is an ECMA-262 regular expression that is invalid with the 'u' flag.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let allValid = true;
for (const file of process.argv.slice(2)) {
  let errors = [];
  let valid = false;
  try {
    valid = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
    errors = (validate.errors || []).map(e => ({ path: e.instancePath, message: `${e.keyword}: ${e.message}` }));
  } catch (e) {
    errors = [{ path: '', message: String(e && e.message || e) }];
  }
  allValid = allValid && valid;
  process.stdout.write(JSON.stringify({ file, valid, schema: schema.title, errors }) + '\n');
}
process.exit(allValid ? 0 : 1);
