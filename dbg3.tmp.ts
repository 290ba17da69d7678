import {loadCatalogue} from './src/scenarios/catalogue.js';
for (const ex of loadCatalogue().exercises) {
  console.log('=====', ex.id);
  const bullets = ex.task.replace(/\n\s+(?![-\s])/g, ' ').split('\n').filter(l => /^\s*- /.test(l));
  bullets.forEach((b, i) => console.log(' B' + i, b.trim().slice(0, 230)));
  for (const c of ex.checks) console.log(' C', c.id, '|', c.type, c.runs ? c.runs.join(',') : '');
  for (const w of ex.known_wrong) console.log(' W', w.id, '->', w.fails, w.also_fails.length ? '+' + w.also_fails.join(',') : '');
}
