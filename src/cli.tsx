#!/usr/bin/env node
/**
The `dojo` entry point: argv → a command module in `src/commands/`, or the
interactive Ink app when no command is given and a terminal is attached.

Everything heavy (Ink, React, SQLite, the simulator) is imported lazily so
`dojo --version` and `dojo list` start in a fraction of a second.
*/
import packageJson from '../package.json' with {type: 'json'};
import {commands, summaries} from './commands/index.js';
import type {Command} from './commands/command.js';
import {formatHelp, parseFlags, type FlagSpec} from './cli-flags.js';
import {UsageError} from './errors.js';
import {ModelError} from './sim/model-error.js';
import {exitOnInterrupt} from './interrupt.js';

const pkg = {version: packageJson.version};

const commonFlags: FlagSpec = {
	scenarios: {type: 'string', isMultiple: true, default: []},
};

const topHelp = `
  Practise data-engineering system-design and data-modeling interviews.

  Usage
    $ dojo                      interactive home (needs a terminal)
    $ dojo <command> [options]  see \`dojo <command> --help\`

  Commands
${Object.entries(summaries)
	.map(([name, summary]) => `    ${name.padEnd(10)} ${summary}`)
	.join('\n')}

  Options
    --scenarios FILE  load your own scenarios file beside the built-in one (repeatable)
    --help            show help
    --version         show the version

  Examples
    $ dojo list
    $ dojo validate my-scenarios.yaml
    $ dojo sim login-counter --load 5M/min --json
`;

const noTerminalMessage = `dojo: the interactive app needs a terminal (stdin and stdout must be a TTY).
Non-interactive commands work anywhere, for example:
  dojo list --json
  dojo validate FILE.yaml
  dojo sim login-counter --json
See \`dojo --help\` for all of them.`;

/**
On a terminal the app is interactive even when CI variables are set (a CI
machine's own shell, a test driving dojo in a pseudo-terminal): Ink reads them
once, when it loads, and would draw only the last frame. Nothing else in dojo
reads them.
*/
function interactiveOnTerminals(): void {
	if (!process.stdin.isTTY || !process.stdout.isTTY) return;
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = '0';
}

/** Runs the CLI and returns the exit code. */
async function main(argv: string[]): Promise<number> {
	interactiveOnTerminals();
	const [first, ...rest] = argv;
	const load = first !== undefined && !first.startsWith('-') ? commands[first] : undefined;

	if (first !== undefined && !first.startsWith('-') && load === undefined) {
		throw new UsageError(`unknown command "${first}"; expected one of ${Object.keys(commands).join(', ')} (see \`dojo --help\`)`);
	}

	if (load === undefined) {
		if (argv.includes('--help')) return showHelp(topHelp);
		if (argv.includes('--version')) {
			process.stdout.write(`${pkg.version}\n`);
			return 0;
		}
		const cli = parseFlags(argv, commonFlags);
		if (cli.input.length > 0) throw new UsageError([`unexpected argument "${cli.input[0]}"`, 'see `dojo --help`']);
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			process.stderr.write(`${noTerminalMessage}\n`);
			return 2;
		}
		const scenarioFiles = cli.flags.scenarios as string[];
		const {readCompiledCatalogue} = await import('./scenarios/builtin.js');
		const catalogue = (scenarioFiles.length === 0 ? readCompiledCatalogue() : undefined) ?? (await import('./scenarios/catalogue.js')).loadCatalogue(scenarioFiles);
		const [{runApp}, {withRecorder}] = await Promise.all([import('./ui/run-app.js'), import('./commands/app-recorder.js')]);
		return withRecorder(process.stderr, (recorder) => runApp({catalogue, recorder}));
	}

	const command = await load();
	return runCommand(command, rest);
}

/** Prints help text as `--help` shows it; returns the exit code. */
function showHelp(help: string): number {
	process.stdout.write(`${formatHelp(help)}\n`);
	return 0;
}

async function runCommand(command: Command, argv: string[]): Promise<number> {
	const flags: FlagSpec = {...commonFlags, json: {type: 'boolean', default: false}, ...command.flags};
	// --help anywhere before `--` shows the command's help and runs nothing.
	if (argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).includes('--help')) return showHelp(command.help);
	const cli = parseFlags(argv, flags, command.name);
	const scenarioFiles = cli.flags.scenarios as string[];
	// The built-in scenarios alone come from the build's validated JSON; only user
	// files (or a YAML newer than the build) need the YAML parser and the schema.
	const {readCompiledCatalogue} = await import('./scenarios/builtin.js');
	let cached = scenarioFiles.length === 0 ? readCompiledCatalogue() : undefined;
	const full = cached ? undefined : await import('./scenarios/catalogue.js');
	return command.run({
		input: cli.input,
		flags: cli.flags,
		catalogue: () => (cached ??= full!.loadCatalogue(scenarioFiles)),
		stdout: process.stdout,
		stderr: process.stderr,
	});
}

// Ctrl-C ends every command with exit code 130 (see src/interrupt.ts).
exitOnInterrupt();

// A closed pipe (`dojo list | head -1`) ends the command quietly, not with an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code !== 'EPIPE') throw error;
	process.exit(process.exitCode ?? 0);
});

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	// A model the simulator itself refuses is the user's input too.
	if (error instanceof UsageError || error instanceof ModelError) {
		for (const line of error.lines) process.stderr.write(`dojo: ${line}\n`);
		process.exitCode = 2;
	} else {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`dojo: internal error: ${message}\n`);
		if (process.env['DOJO_DEBUG']) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
		else process.stderr.write('Run again with DOJO_DEBUG=1 for the stack trace, and please report it.\n');
		process.exitCode = 70;
	}
}
