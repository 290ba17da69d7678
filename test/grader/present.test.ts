/** The text report and values as the terminal shows them: escaped, bounded, and readable. */
import {describe, expect, it} from 'vitest';
import {boundValue, maxValueChars, showRows, showValue} from '../../src/grader/compare.js';
import {formatTable} from '../../src/grader/format-table.js';
import {printable, printableJson} from '../../src/grader/printable.js';
import {formatReport, reportJson} from '../../src/grader/present-report.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';

const scd1 = loadCatalogue().exercises.find((exercise) => exercise.id === 'scd1-user-profile')!;

describe('printable text', () => {
	it('escapes C0 (but newline and tab), DEL, C1 and bidi controls, and nothing else', () => {
		expect(printable('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
		expect(printable('\u0000\u0007\u007f\u009b\u202e\u2066')).toBe('\\x00\\x07\\x7f\\x9b\\u202e\\u2066');
		expect(printable('line\n\ttab é ✓ 日本')).toBe('line\n\ttab é ✓ 日本');
	});

	it('keeps JSON valid and equal while escaping what a terminal would obey', () => {
		const json = JSON.stringify({v: 'x\u009by\u202ez\u001b'});
		const safe = printableJson(json);
		expect(safe).not.toMatch(/[\u001b\u009b\u202e]/);
		expect(JSON.parse(safe)).toEqual(JSON.parse(json));
	});
});

describe('bounded values', () => {
	it(`cuts text longer than ${maxValueChars} characters and says how long it was`, () => {
		expect(boundValue('x'.repeat(maxValueChars))).toBe('x'.repeat(maxValueChars));
		expect(boundValue('x'.repeat(maxValueChars + 1))).toBe(`${'x'.repeat(maxValueChars)}… (${maxValueChars + 1} characters)`);
		expect(boundValue(12)).toBe(12);
		expect(boundValue(null)).toBeNull();
		expect(showRows(['a', 'b'], [['y'.repeat(5000), 1]])[0]!['a']).toHaveLength(maxValueChars + ' (5000 characters)'.length + 1);
	});

	it('shows values as SQL does: text quoted, NULL bare', () => {
		expect(showValue(null)).toBe('NULL');
		expect(showValue('it')).toBe("'it'");
		expect(showValue(1.5)).toBe('1.5');
	});
});

describe('formatTable', () => {
	it('aligns columns, escapes control characters and line breaks, and cuts long cells', () => {
		const lines = formatTable([{id: 1, note: 'a\nb'}, {id: 22, note: 'z'.repeat(100)}], '  ');
		expect(lines[0]).toBe("  id │ note");
		expect(lines[1]).toMatch(/^ {2}─+─┼──+$/);
		expect(lines[2]).toBe("  1  │ 'a\\nb'");
		expect(lines[3]!.length).toBeLessThanOrEqual(2 + 2 + 3 + 72);
		expect(lines[3]).toMatch(/…$/);
		expect(formatTable([])).toEqual(['(no rows)']);
		expect(formatTable([{'\u001b[31m': 'x'}])[0]).toBe('\\x1b[31m');
	});

	it('shows a tab as \\t, keeps a cell of exactly 72 characters whole and cuts one of 73', () => {
		expect(formatTable([{note: 'a\tb'}])[2]).toBe("'a\\tb'");
		expect(formatTable([{note: 'y'.repeat(70)}])[2]).toBe(`'${'y'.repeat(70)}'`);
		expect(formatTable([{note: 'y'.repeat(71)}])[2]).toBe(`'${'y'.repeat(70)}…`);
	});
});

describe('formatReport', () => {
	const report = {
		exercise: scd1.id,
		passed: false,
		wall_s: 0.5,
		checks: [
			{id: 'columns', passed: true, message: "dim_users has the contract's columns (6 runs)"},
			{id: 'one-row-per-user', passed: false, message: 'one row per user_id: 1 violating row \u001b[2J', unexpected_rows: [{user_id: 'u1', copies: 2}]},
			{id: 'matches-reference', passed: false, message: 'dim_users holds what the reference load builds: after run "visible", dim_users: 1 missing row', missing_rows: [{user_id: 'u2'}], unexpected_rows: [{user_id: 'u3'}]},
		],
	};

	it('prints one line per check, the message without the repeated title, and both sides of a diff', () => {
		const text = formatReport(scd1, report).join('\n');
		expect(text).toMatch(/^SCD type 1 for user address and preferences \(scd1-user-profile\): 1\/3 checks passed in 0\.50 s$/m);
		expect(text).toMatch(/^✓ columns: dim_users has the contract's columns$/m);
		expect(text).toMatch(/^✗ one-row-per-user: one row per user_id\n {4}1 violating row \\x1b\[2J\n {4}rows that break it:/m);
		expect(text).toMatch(/missing \(expected, not in yours\):\n.*user_id/);
		expect(text).toMatch(/unexpected \(in yours, not expected\):/);
		expect(text.endsWith('Some checks failed; fix the answer and grade it again.')).toBe(true);
		expect(formatReport(scd1, {...report, passed: true, checks: [report.checks[0]!]}).at(-1)).toBe('All checks passed.');
	});

	it('prints --json as the same value with terminal controls escaped', () => {
		const json = reportJson(report);
		expect(json).not.toContain('\u001b');
		expect(JSON.parse(json)).toEqual(report);
	});

	it('reports a statement that stops every run once, at the top, and the checks it blocked on one line', () => {
		const stopped = (id: string, run: string) => ({id, passed: false, blocked_by: run, message: `run "${run}" (hidden data: x (y)) stopped: statement 2 of the load section (line 7) failed after batch "${run}" was loaded: no such table: nowhere`});
		const text = formatReport(scd1, {...report, checks: [report.checks[0]!, stopped('one-row-per-user', 'visible'), stopped('late-change-ignored', 'late'), stopped('null-clears-field', 'clear')]});
		const lines = text.filter((line) => line.includes('no such table'));
		expect(lines).toEqual(['✗ statement 2 of the load section (line 7) failed: no such table: nowhere (runs visible, late, clear)']);
		expect(text).toContain('    3 checks could not run because of it: one-row-per-user, late-change-ignored, null-clears-field');
		expect(text.filter((line) => line.startsWith('✗ one-row-per-user'))).toEqual([]);
	});

	it('lists each failure that stopped runs with its own runs and checks', () => {
		const stopped = (id: string, run: string, why: string) => ({id, passed: false, blocked_by: run, message: `run "${run}" (x) stopped: ${why}`});
		const text = formatReport(scd1, {...report, checks: [stopped('one-row-per-user', 'visible', 'boom'), stopped('keys-stay', 'late', 'bang'), stopped('null-clears-field', 'clear', 'boom')]});
		expect(text.slice(2, 8)).toEqual([
			'✗ boom (runs visible, clear)',
			'    2 checks could not run because of it: one-row-per-user, null-clears-field',
			'',
			'✗ bang (run late)',
			'    1 check could not run because of it: keys-stay',
			'',
		]);
	});

	it('heads the rows of a same_as_run or question check as one side of a diff, even when only one side has rows', () => {
		const sameAs = formatReport(scd1, {...report, checks: [{id: 'reload-changes-nothing', passed: false, message: 'x', unexpected_rows: [{user_id: 'u1'}]}]});
		expect(sameAs).toContain('    unexpected (in yours, not expected):');
		const design = loadCatalogue().exercises.find((exercise) => exercise.id === 'design-attribution-model')!;
		const question = formatReport(design, {exercise: design.id, passed: false, wall_s: 1, checks: [{id: 'last-click-by-channel', passed: false, message: 'x', missing_rows: [{channel: 'ads'}], unexpected_rows: [{channel: 'seo'}]}]});
		expect(question).toContain('    unexpected (in yours, not expected):');
		expect(question).not.toContain('    rows that break it:');
	});

	it('leaves one blank line before the verdict when the last check passed', () => {
		expect(formatReport(scd1, {...report, passed: true, checks: [report.checks[0]!]})).toEqual([
			'SCD type 1 for user address and preferences (scd1-user-profile): 1/1 checks passed in 0.50 s',
			'',
			"✓ columns: dim_users has the contract's columns",
			'',
			'All checks passed.',
		]);
	});

	it('renders a whole report exactly: blocked checks first, each failure with its rows under the right heading', () => {
		const checks = [
			{id: 'columns', passed: true, message: 'x'},
			{id: 'one-row-per-user', passed: false, message: 'one row per user_id: 1 violating row', unexpected_rows: [{user_id: 'u1', copies: 2}]},
			{id: 'late-change-ignored', passed: false, message: "a change older than the row's updated_at is ignored: after run \"late\", dim_users: 1 unexpected row", unexpected_rows: [{user_id: 'u1'}]},
			{id: 'matches-reference', passed: false, message: 'not starting with the title', missing_rows: [{user_id: 'u2'}], unexpected_rows: []},
			{id: 'unknown-check', passed: false, message: 'unknown-check: declared nowhere'},
			{id: 'keys-stay', passed: false, blocked_by: 'visible', message: 'run "visible" (sample data: two batches in a row) stopped: the query (line 1) failed: boom'},
		];
		expect(formatReport(scd1, {exercise: scd1.id, passed: false, wall_s: 1.234, checks})).toEqual([
			"SCD type 1 for user address and preferences (scd1-user-profile): 1/6 checks passed in 1.23 s",
			"",
			"✗ the query (line 1) failed: boom (run visible)",
			"    1 check could not run because of it: keys-stay",
			"",
			"✓ columns: dim_users has the contract's columns",
			"✗ one-row-per-user: one row per user_id",
			"    1 violating row",
			"    rows that break it:",
			"      user_id │ copies",
			"      ────────┼───────",
			"      'u1'    │ 2",
			"",
			"✗ late-change-ignored: a change older than the row's updated_at is ignored",
			"    after run \"late\", dim_users: 1 unexpected row",
			"    unexpected (in yours, not expected):",
			"      user_id",
			"      ───────",
			"      'u1'",
			"",
			"✗ matches-reference: dim_users holds what the reference load builds",
			"    not starting with the title",
			"    missing (expected, not in yours):",
			"      user_id",
			"      ───────",
			"      'u2'",
			"",
			"✗ unknown-check: unknown-check",
			"    declared nowhere",
			"",
			"Some checks failed; fix the answer and grade it again."
		]);
	});
});
