import {parse} from 'yaml';
import {readFileSync} from 'node:fs';
const d = parse(readFileSync('scenarios.yaml', 'utf8'));
const ex = Object.fromEntries(d.exercises.map(e => [e.id, e]));
let s = ex['marketing-attribution'].solution; let i = s.indexOf("datetime(c.converted_at, '-30 days')"); console.log(JSON.stringify(s.slice(i - 60, i + 50)));
s = ex['retention-cohorts'].solution; i = s.indexOf("FROM activity AS a JOIN"); console.log(JSON.stringify(s.slice(i, i + 160)));
