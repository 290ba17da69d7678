/**
Plain-text rendering of coding problems and graded answers, shared by
`dojo code --answer` and the terminal flow: the statement with its examples,
and a report that shows, for each failing case, the call, the expected and
returned values, what the answer printed and the exception with its line.
*/
import type {CodingProblem} from '../scenarios/coding-schema.js';
import {showValue} from './compare.js';
import {callText, orderedCases, type GradeReport} from './grade.js';

const indent = (text: string, by = '    ') => text.replace(/\n$/, '').split('\n').map((line) => `${by}${line}`).join('\n');

/** The statement, the signature and the visible examples. */
export function formatStatement(problem: CodingProblem): string {
	const examples = orderedCases(problem).filter((item) => !item.hidden);
	const lines = [problem.title, '', problem.statement.trimEnd(), '', `Write:  def ${problem.signature}`, '', 'Examples'];
	for (const item of examples) {
		lines.push(`  ${callText(problem, item)}`);
		lines.push(`    → ${item.raises ? `raises ${item.raises}` : showValue(item.expect, 400)}    (${item.about})`);
	}
	const hidden = problem.cases.length - examples.length;
	lines.push('', `${hidden} hidden case${hidden === 1 ? '' : 's'} run after these.`);
	return lines.join('\n');
}

/** A graded answer: one line per case, details under each failing one, then the verdict. */
export function formatReport(report: GradeReport): string {
	const lines: string[] = [];
	if (report.error) lines.push(report.error, '');
	for (const hidden of [false, true]) {
		const cases = report.cases.filter((item) => item.hidden === hidden);
		if (cases.length === 0) continue;
		lines.push(hidden ? 'Hidden cases' : 'Visible cases');
		for (const item of cases) {
			lines.push(`  ${item.passed ? 'pass' : 'FAIL'}  ${item.id}  (${item.about})`);
			if (item.passed || report.error) continue;
			lines.push(`        call:      ${item.input}`);
			if (item.expected !== undefined) lines.push(`        expected:  ${showValue(item.expected, 400)}`);
			if (item.got !== undefined) lines.push(`        got:       ${showValue(item.got, 400)}`);
			if (item.message) lines.push(`        why:       ${item.message}`);
			if (item.stdout) lines.push('        printed:', indent(item.stdout.slice(0, 1000), '          | '));
		}
	}
	const passed = report.cases.filter((item) => item.passed).length;
	lines.push('', `${report.passed ? 'PASSED' : 'FAILED'}: ${passed}/${report.cases.length} cases in ${report.wall_s} s`);
	return lines.join('\n');
}
