/**
Redshift table design: the figures (slice skew, join distribution, blocks
scanned) of a DISTSTYLE / DISTKEY / SORTKEY choice, graded against an
exercise's best choice. Pure: `dojo exercise` reads the answer file and prints.
*/
export {readDesignAnswer, type ReadAnswer} from './answer.js';
export {answerProblems, bestAnswer, designFigures, gradeDesign, skewText, tolerance, type DesignAnswer, type DesignCheck, type DesignReport} from './grade.js';
export {blockBytes, blockFigures, joinFigures, resolve, sliceFigures, type BlockFigures, type JoinFigures, type SliceFigures} from './figures.js';
export {designReportLines, designTaskLines} from './format.js';
