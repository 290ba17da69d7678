/** Starts the interactive Ink app on the terminal. */
import {render} from 'ink';
import {readCompiledCatalogue} from '../scenarios/builtin.js';
import {HomeScreen} from './screens/HomeScreen.js';

/** Renders the home screen until the user quits; returns the exit code. */
export async function runApp({scenarioFiles}: {readonly scenarioFiles: readonly string[]}): Promise<number> {
	const catalogue = (scenarioFiles.length === 0 ? readCompiledCatalogue() : undefined) ?? (await import('../scenarios/catalogue.js')).loadCatalogue(scenarioFiles);
	const instance = render(<HomeScreen scenarios={catalogue.scenarios} />);
	await instance.waitUntilExit();
	return 0;
}
