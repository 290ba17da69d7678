// Writes scenarios.schema.json from the zod schema (`npm run schema`).
// A test fails when the committed copy differs from what this would write.
import {writeFileSync} from 'node:fs';
import {scenariosJsonSchema} from '../src/scenarios/json-schema.js';

writeFileSync('scenarios.schema.json', scenariosJsonSchema());
console.log('wrote scenarios.schema.json');
