// Runs the official CSAF 2.0 validator (schema and every mandatory test) over many documents in one process,
// because loading the validator takes far longer than validating a document.
// Usage: node validate-csaf.mjs documents.json   (a JSON array of CSAF documents)
// Prints one JSON array: for each document, { isValid, failures: [{ test, instancePath, message }] }.
import { readFile } from 'node:fs/promises'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js'

const documents = JSON.parse(await readFile(process.argv[2], 'utf8'))
const tests = [...Object.values(schemaTests), ...Object.values(mandatoryTests)]
const results = []
for (const document of documents) {
  const result = await validateStrict(tests, document)
  const failures = result.tests
    .filter((test) => !test.isValid || test.errors.length > 0)
    .flatMap((test) => test.errors.map((error) => ({ test: test.name, instancePath: error.instancePath, message: error.message })))
  results.push({ isValid: result.isValid, testsRun: result.tests.length, failures })
}
process.stdout.write(JSON.stringify(results))
