// sarif_schema.js TOOLS SCHEMA FILE... - validates each SARIF FILE against SCHEMA with ajv
// (JSON Schema 2020-12, every error, the formats uri, uri-reference and date-time checked),
// from the npm packages `make check` installs into TOOLS/node_modules. Prints one line per
// invalid file and a closing count; exits 1 if any file is invalid.
'use strict';
const fs = require('fs');
const path = require('path');
const [toolsArg, schemaPath, ...files] = process.argv.slice(2);
const tools = path.resolve(toolsArg);
const Ajv2020 = require(path.join(tools, 'node_modules', 'ajv', 'dist', '2020'));
const addFormats = require(path.join(tools, 'node_modules', 'ajv-formats'));
// strict: false because the schema carries keywords ajv does not know (e.g. "version").
const ajv = new Ajv2020({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let invalid = 0;
for (const file of files) {
  if (!validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    invalid++;
    for (const e of validate.errors.slice(0, 10))
      console.log(`${path.basename(file)}: ${e.instancePath || '/'}: ${e.message}`);
  }
}
console.log(`ajv: ${files.length - invalid} valid, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
