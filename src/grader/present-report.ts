/** Renders a grading report as text for the terminal: one line per check, and the diff of a failed one. */
import type {Exercise} from '../scenarios/exercise-schema.js';
import {formatTable} from './format-table.js';
import type {GradeReport} from './grade.js';
import {printable, printableJson} from './printable.js';

/** The report as `--json` prints it: the same JSON value, with characters a terminal would obey escaped. */
export function reportJson(report: GradeReport): string {
	return printableJson(JSON.stringify(report, null, 2));
}

/** The report as lines of text (no trailing newline). */
export function formatReport(exercise: Exercise, report: GradeReport): string[] {
	const lines: string[] = [];
	const passed = report.checks.filter((check) => check.passed).length;
	lines.push(`${exercise.title} (${exercise.id}): ${passed}/${report.checks.length} checks passed in ${report.wall_s.toFixed(2)} s`, '');
	// A run that stopped blocks every check that reads it: say why once, at the top, then list those checks on one line.
	const blocked = report.checks.filter((check) => !check.passed && check.blocked_by !== undefined);
	// The same statement failing the same way in every run is one failure: drop the run and batch from its text.
	const why = (message: string) => {
		const at = message.indexOf(' stopped: ');
		return (at === -1 ? message : message.slice(at + ' stopped: '.length)).replace(/ after batch "[^"]*" was loaded/, '');
	};
	for (const failure of [...new Set(blocked.map((check) => why(check.message)))]) {
		const these = blocked.filter((check) => why(check.message) === failure);
		const runs = [...new Set(these.map((check) => check.blocked_by))];
		const ids = these.map((check) => check.id);
		lines.push(`✗ ${failure} (${runs.length === 1 ? 'run' : 'runs'} ${runs.join(', ')})`, `    ${ids.length === 1 ? '1 check' : `${ids.length} checks`} could not run because of it: ${ids.join(', ')}`, '');
	}
	for (const check of report.checks) {
		if (!check.passed && check.blocked_by !== undefined) continue;
		const declared = exercise.checks.find((candidate) => candidate.id === check.id);
		const title = declared?.title ?? check.id;
		const type = declared?.type;
		lines.push(`${check.passed ? '✓' : '✗'} ${check.id}: ${title}`);
		if (check.passed) continue;
		// The message starts with the title for JSON readers; the line above already shows it.
		const message = check.message.startsWith(`${title}: `) ? check.message.slice(title.length + 2) : check.message;
		lines.push(`    ${message}`);
		if (check.missing_rows && check.missing_rows.length > 0) {
			lines.push('    missing (expected, not in yours):', ...formatTable(check.missing_rows, '      '));
		}
		if (check.unexpected_rows && check.unexpected_rows.length > 0) {
			// A diff has two sides; a property check lists the rows that break it.
			const diff = check.missing_rows !== undefined || ['reference', 'same_as_run'].includes(type ?? '');
			lines.push(diff ? '    unexpected (in yours, not expected):' : '    rows that break it:', ...formatTable(check.unexpected_rows, '      '));
		}
		lines.push('');
	}
	if (lines[lines.length - 1] !== '') lines.push('');
	lines.push(report.passed ? 'All checks passed.' : 'Some checks failed; fix the answer and grade it again.');
	// Messages quote the answer's values and SQLite's errors: nothing in them may drive the terminal.
	return lines.map(printable);
}
