// Validates the built-in scenarios.yaml and writes it as dist/scenarios.json,
// which `dojo` reads instead of parsing the YAML on every start. Run by the build;
// a broken scenarios.yaml fails the build with the same messages `dojo validate` prints.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {builtinScenariosPath, compiledScenariosPath} from '../src/scenarios/catalogue.js';
import {formatFileError, loadYamlFile} from '../src/scenarios/load.js';
import {scenarioFileChecks} from '../src/scenarios/rules.js';
import {ScenarioFileSchema} from '../src/scenarios/schema.js';

const result = loadYamlFile(builtinScenariosPath(), ScenarioFileSchema, scenarioFileChecks());
if (!result.ok) {
	for (const error of result.errors) console.error(formatFileError(error));
	console.error('build: the built-in scenarios.yaml is invalid');
	process.exit(2);
}
mkdirSync(dirname(compiledScenariosPath()), {recursive: true});
writeFileSync(compiledScenariosPath(), JSON.stringify(result.value));
