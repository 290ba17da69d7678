import {gradeAnswer, Sandbox} from './src/grader/index.js';
import {loadCatalogue} from './src/scenarios/catalogue.js';
import {readFileSync} from 'node:fs';
const sb = new Sandbox();
await sb.warm();
for (const ex of loadCatalogue().exercises) {
  await gradeAnswer(ex, ex.solution, {sandbox: sb});
  const pid = (sb as any);
  console.log(ex.id, sb.spawnCount);
}
await sb.close();
