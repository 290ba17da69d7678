/** Starts the interactive Ink app on the terminal. */
import {render} from 'ink';
import {loadCatalogue} from '../scenarios/catalogue.js';
import {HomeScreen} from './screens/HomeScreen.js';

/** Renders the home screen until the user quits; returns the exit code. */
export async function runApp({scenarioFiles}: {readonly scenarioFiles: readonly string[]}): Promise<number> {
	const catalogue = loadCatalogue(scenarioFiles);
	const instance = render(<HomeScreen scenarios={catalogue.scenarios} />);
	await instance.waitUntilExit();
	return 0;
}
