import {gradeAnswer, Sandbox, formatReport} from './src/grader/index.js';
import {loadCatalogue} from './src/scenarios/catalogue.js';
const ex = loadCatalogue().exercises.find(e => e.id === 'marketing-attribution')!;
const sb = new Sandbox();
const r = await gradeAnswer(ex, "SELECT conversion_id, model, channel, credit FROM nowhere", {sandbox: sb});
console.log(formatReport(ex, r).join('\n'));
await sb.close();
