import {gradeAnswer, Sandbox} from './src/grader/index.js';
import {loadCatalogue} from './src/scenarios/catalogue.js';
import {knownWrongAnswer} from './src/scenarios/exercise-schema.js';
const ids = process.argv.slice(2);
const sb = new Sandbox();
for (const ex of loadCatalogue().exercises) for (const w of ex.known_wrong) {
  if (!ids.includes(`${ex.id}/${w.id}`) && !ids.includes(ex.id)) continue;
  const r = await gradeAnswer(ex, knownWrongAnswer(ex, w), {sandbox: sb});
  console.log(ex.id, w.id, 'expected', [w.fails, ...w.also_fails].sort().join(','), 'got', r.checks.filter(c => !c.passed).map(c => c.id).sort().join(','));
}
await sb.close();
