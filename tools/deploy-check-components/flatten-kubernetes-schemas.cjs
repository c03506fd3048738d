/**
 * Turns kubernetes-validate's schemas (one file per kind, references into a shared _definitions.json)
 * into the self-contained files kubeconform reads: each top-level kind gets exactly the definitions it reaches.
 * Usage: node flatten-kubernetes-schemas.cjs <source dir> <target dir>
 */
const fs = require('node:fs');
const path = require('node:path');

const [source, target] = process.argv.slice(2);
const SHARED_REF = /^\/api\/_definitions\.json#\/\$defs\//;
const definitions = JSON.parse(fs.readFileSync(path.join(source, '_definitions.json'), 'utf8')).$defs;

/** Rewrites shared references to local ones and returns the names of the definitions they point at. */
function localise(node, reached) {
  if (Array.isArray(node)) return node.forEach((item) => localise(item, reached));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace(SHARED_REF, '').replace(/^#\/\$defs\//, '');
      node.$ref = `#/$defs/${name}`;
      reached.push(name);
    } else {
      localise(value, reached);
    }
  }
}

function flatten(schema) {
  const defs = {};
  const pending = [];
  localise(schema, pending);
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in defs) continue;
    if (!(name in definitions)) throw new Error(`unknown definition ${name}`);
    defs[name] = structuredClone(definitions[name]);
    localise(defs[name], pending);
  }
  return { ...schema, $defs: defs };
}

let written = 0;
for (const file of fs.readdirSync(source)) {
  if (!file.endsWith('.json') || file.startsWith('_')) continue;
  const schema = JSON.parse(fs.readFileSync(path.join(source, file), 'utf8'));
  if (!schema.properties?.kind?.enum) continue; // only top-level resources are validated
  fs.writeFileSync(path.join(target, file), JSON.stringify(flatten(schema)));
  written += 1;
}
process.stdout.write(`flattened ${written} Kubernetes schemas into ${target}\n`);
