/**
The contract every `dojo <command>` module fulfils. `src/cli.tsx` picks the
module by name, parses its flags (`src/cli-flags.ts`) and calls `run`; the exit code it
returns is the process's (0 success, 1 a design or answer failed its checks,
2 bad input — throw `UsageError` for that).
*/
import type {FlagSpec} from '../cli-flags.js';
import type {Catalogue} from '../scenarios/builtin.js';

/** The flags a command declares; every command also gets `--scenarios`, `--json` and `--help`. */
export type {FlagSpec};

/** What a command receives. */
export type CommandContext = {
	/** Positional arguments after the command name. */
	readonly input: readonly string[];
	/** Parsed flags (by name as typed). */
	readonly flags: Readonly<Record<string, unknown>>;
	/** Loads the built-in scenarios plus any `--scenarios FILE`; throws UsageError on a broken file. */
	readonly catalogue: () => Catalogue;
	/** Where normal output goes. */
	readonly stdout: NodeJS.WritableStream;
	/** Where messages for the user go. */
	readonly stderr: NodeJS.WritableStream;
};

/** One `dojo` subcommand. */
export type Command = {
	readonly name: string;
	/** One line for `dojo --help`. */
	readonly summary: string;
	/** Full help text shown by `dojo <name> --help`: usage, flags, examples. */
	readonly help: string;
	readonly flags: FlagSpec;
	run(context: CommandContext): Promise<number>;
};
