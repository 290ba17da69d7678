import {gradeAnswer, Sandbox} from './src/grader/index.js';
import {loadCatalogue} from './src/scenarios/catalogue.js';
import {knownWrongAnswer} from './src/scenarios/exercise-schema.js';
const ids = process.argv.slice(2);
const sb = new Sandbox();
for (const ex of loadCatalogue().exercises) {
  if (!ids.includes(ex.id)) continue;
  const good = await gradeAnswer(ex, ex.solution, {sandbox: sb});
  if (!good.passed) console.log(ex.id, 'SOLUTION FAILS', good.checks.filter(c => !c.passed).map(c => c.id + ': ' + c.message.slice(0, 300)));
  for (const w of ex.known_wrong) {
    const r = await gradeAnswer(ex, knownWrongAnswer(ex, w), {sandbox: sb});
    const exp = [w.fails, ...w.also_fails].sort().join(',');
    const got = r.checks.filter(c => !c.passed).map(c => c.id).sort().join(',');
    if (exp !== got) console.log(ex.id, w.id, 'expected', exp, 'got', got);
  }
}
await sb.close();
