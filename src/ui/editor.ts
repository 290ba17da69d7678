/**
Opens an exercise's answer file in the user's editor from inside the app: the
Ink screen steps aside (raw mode off, main screen back), the editor runs in
the terminal, then the screen returns and the saved SQL is graded.
*/
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';

/** The editor `e` opens: $VISUAL, then $EDITOR, or undefined when neither is set. */
export function chosenEditor(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const editor = env['VISUAL']?.trim() || env['EDITOR']?.trim();
	return editor || undefined;
}

/** The answer file of an exercise: `<id>.sql` in the current directory. */
export function answerPath(exerciseId: string): string {
	return resolve(`${exerciseId}.sql`);
}

/** What editing gave: the SQL saved, or why there is none. */
export type Edited = {ok: true; sql: string; editor: string; file: string} | {ok: false; message: string};

/**
Writes the template when the file does not exist yet (an existing answer is
kept), runs the editor on it with the terminal handed over, and reads it back.
`suspend`/`resume` put the app's screen away and back.
*/
export function editAnswer(exerciseId: string, template: () => string | undefined, suspend: () => void, resume: () => void): Edited {
	const editor = chosenEditor();
	if (!editor) return {ok: false, message: 'no $EDITOR (or $VISUAL) is set: press enter to paste the SQL instead, or quit and run with EDITOR=nano'};
	const file = answerPath(exerciseId);
	if (!existsSync(file)) {
		const text = template();
		if (text === undefined) return {ok: false, message: 'the grader is still starting; press e again in a moment'};
		writeFileSync(file, text);
	}
	suspend();
	let status: number | null;
	try {
		// $EDITOR may carry arguments ("code --wait"), so a shell runs it; the path goes in as "$1", never spliced into the command.
		const result = process.platform === 'win32' ? spawnSync(`${editor} "${file}"`, {stdio: 'inherit', shell: true}) : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'editor', file], {stdio: 'inherit'});
		status = result.status;
	} finally {
		resume();
	}
	if (status !== 0) return {ok: false, message: `the editor "${editor}" did not finish cleanly (exit ${status ?? 'signal'}); ${file} is kept as it was`};
	return {ok: true, sql: readFileSync(file, 'utf8'), editor, file};
}
