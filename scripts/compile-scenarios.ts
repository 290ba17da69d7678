// Validates the built-in scenarios.yaml and writes it as dist/scenarios.json,
// which `dojo` reads instead of parsing the YAML on every start, with the SQL
// exercises (over half of it, and no round of system design needs them) in a file
// of their own beside it, read only when asked for. Run by the build;
// a broken scenarios.yaml fails the build with the same messages `dojo validate` prints.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {builtinFiles, compiledExercisesPath, compiledScenariosPath} from '../src/scenarios/catalogue.js';
import {formatFileError, loadYamlFile} from '../src/scenarios/load.js';
import {scenarioFileChecks} from '../src/scenarios/rules.js';
import {ScenarioFileSchema} from '../src/scenarios/schema.js';

for (const file of builtinFiles()) {
	const result = loadYamlFile(file, ScenarioFileSchema, scenarioFileChecks());
	if (!result.ok) {
		for (const error of result.errors) console.error(formatFileError(error));
		console.error(`build: the built-in ${file} is invalid`);
		process.exit(2);
	}
	mkdirSync(dirname(compiledScenariosPath(file)), {recursive: true});
	const {exercises, ...rest} = result.value;
	// The exercises first: a reader takes the main file as current only when it is not older than both.
	writeFileSync(compiledExercisesPath(file), JSON.stringify(exercises ?? []));
	writeFileSync(compiledScenariosPath(file), JSON.stringify(rest));
}
