/** The SQL grader's public surface: grade an answer in a sandbox, and the text the CLI shows. */
export {gradeAnswer, clearReferenceCache, type GradeReport, type GradeOptions} from './grade.js';
export {Sandbox, type SandboxOptions} from './sandbox.js';
export type {JobRunner} from './protocol.js';
export {parseAnswer, type Answer} from './answer.js';
export type {CheckResult} from './checks.js';
export {formatReport, reportJson} from './present-report.js';
export {printable} from './printable.js';
export {answerTemplate, formatTask} from './present-task.js';
