import {loadCatalogue} from './src/scenarios/catalogue.js';
for (const ex of loadCatalogue().exercises) {
  if (process.argv[2] && ex.id !== process.argv[2]) continue;
  console.log('=====', ex.id, ex.kind, ex.staging);
  console.log(ex.task);
  console.log(ex.setup_sql);
  for (const t of ex.output) console.log(t.name, Object.keys(t.columns).join(','), 'grain', t.grain.join(','), 'sk', t.surrogate_key ?? '', JSON.stringify(t.references));
  for (const [id, b] of Object.entries(ex.batches)) if (!b.hidden) console.log('batch', id, JSON.stringify(b.tables));
}
