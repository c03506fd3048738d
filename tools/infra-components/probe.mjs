#!/usr/bin/env node
// Readiness probe used by tools/infra. One attempt, short timeouts; the caller loops.
//
//   node probe.mjs kafka      <host:port>
//   node probe.mjs mongo      <mongodb-uri>
//   node probe.mjs clickhouse <http-url> [<user> <password> [<database-to-create>]]
//
// Exit codes: 0 ready, 1 not ready (reason on stderr), 2 usage error,
//             3 repo node_modules missing (run `npm ci` first).
// Kafka and Mongo clients are resolved from the repository's node_modules, relative to this file.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const EXIT_NOT_READY = 1;
const EXIT_USAGE = 2;
const EXIT_NO_MODULES = 3;
const HARD_TIMEOUT_MS = 10_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(path.join(here, 'probe.mjs'));

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Loads the first module name that resolves; exits with EXIT_NO_MODULES if none does. */
function load(names, pick = (m) => m) {
  for (const name of names) {
    try {
      return pick(require(name), name);
    } catch (err) {
      if (err && err.code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  fail(
    EXIT_NO_MODULES,
    `infra: cannot load ${names.join(' / ')} from ${repoRoot}/node_modules - run \`npm ci\` in ${repoRoot} first`,
  );
}

async function probeKafka(broker) {
  const { Kafka, logLevel } = load(['kafkajs']);
  const kafka = new Kafka({
    clientId: 'credstream-infra-probe',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!cluster.brokers.length || cluster.controller === null || cluster.controller === undefined) {
      throw new Error('no broker/controller registered yet');
    }
    const metadata = await admin.fetchTopicMetadata();
    return `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), controller ${cluster.controller}, ${metadata.topics.length} topic(s)`;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function probeMongo(uri) {
  const MongoClient = load(['mongodb', 'mongoose'], (mod, name) =>
    name === 'mongoose' ? mod.mongo.MongoClient : mod.MongoClient,
  );
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
    directConnection: true,
  });
  try {
    await client.connect();
    const res = await client.db('admin').command({ ping: 1 });
    if (res.ok !== 1) throw new Error(`ping answered ${JSON.stringify(res)}`);
    const build = await client.db('admin').command({ buildInfo: 1 });
    return `ping ok (wire version of ${build.version ?? 'unknown'}${build.ferretdbVersion ? `, FerretDB ${build.ferretdbVersion}` : ''})`;
  } finally {
    await client.close().catch(() => {});
  }
}

async function clickhouseQuery(url, user, password, sql) {
  const res = await fetch(new URL('/', url), {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
    body: sql,
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} for "${sql}": ${text.trim()}`);
  return text;
}

async function probeClickhouse(url, user, password, database) {
  const res = await fetch(new URL('/ping', url), { signal: AbortSignal.timeout(2_000) });
  const body = await res.text();
  if (res.status !== 200 || body.trim() !== 'Ok.') {
    throw new Error(`GET /ping answered ${res.status} ${JSON.stringify(body)}`);
  }
  if (user === undefined) return 'ping Ok.';
  const version = (await clickhouseQuery(url, user, password, 'SELECT version()')).trim();
  if (database) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`invalid database name ${database}`);
    await clickhouseQuery(url, user, password, `CREATE DATABASE IF NOT EXISTS ${database}`);
  }
  return `ping Ok., version ${version}${database ? `, database ${database} present` : ''}`;
}

async function main() {
  const [kind, target, ...rest] = process.argv.slice(2);
  if (!kind || !target) fail(EXIT_USAGE, 'usage: probe.mjs kafka|mongo|clickhouse <endpoint> [...]');
  setTimeout(() => fail(EXIT_NOT_READY, `${kind}: probe timed out after ${HARD_TIMEOUT_MS} ms`), HARD_TIMEOUT_MS).unref();
  let summary;
  switch (kind) {
    case 'kafka':
      summary = await probeKafka(target);
      break;
    case 'mongo':
      summary = await probeMongo(target);
      break;
    case 'clickhouse':
      summary = await probeClickhouse(target, rest[0], rest[1], rest[2]);
      break;
    default:
      fail(EXIT_USAGE, `unknown probe kind: ${kind}`);
  }
  process.stdout.write(`${summary}\n`);
  process.exit(0);
}

main().catch((err) => fail(EXIT_NOT_READY, `${process.argv[2]}: ${err && err.message ? err.message : err}`));
