/** The public surface of the Python live-coding runner: the runtime and the grader. */
export {PythonRuntime, permissionFlag, pyodideFolder, type RuntimeOptions} from './runtime.js';
export {gradeAnswer, orderedCases, callText, type CaseVerdict, type GradeReport} from './grade.js';
export {difference, showValue} from './compare.js';
export {formatReport, formatStatement} from './format.js';
