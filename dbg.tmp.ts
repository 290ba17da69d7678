import {gradeAnswer, Sandbox} from './src/grader/index.js';
import {loadCatalogue} from './src/scenarios/catalogue.js';
const ex = loadCatalogue().exercises.find(e => e.id === 'marketing-attribution')!;
const sb = new Sandbox();
const huge = `SELECT 'c' || value AS conversion_id, 'linear' AS model, replace(hex(zeroblob(400000)), '00', char(1)) AS channel, 1 AS credit, 1 AS revenue_cents FROM generate_series(1, 40)`;
const r = await gradeAnswer(ex, `WITH RECURSIVE generate_series(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM generate_series WHERE value < 40) ${huge}`, {sandbox: sb});
console.log(JSON.stringify(r).length, r.checks.map(c => c.message.slice(0,200)));
sb.close();
