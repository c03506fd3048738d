/**
 * Integration test for tools/infra: runs the real script against a PRIVATE instance
 * (temporary INFRA_DIR, free ports picked at runtime), never the default instance.
 * Needs the prerequisites of tools/infra (java, mvn, go, clickhouse-server/postgresql or apt-get, npm ci).
 * The first run on a machine may build/download everything (~2 min); later runs take ~10 s.
 * `mongo` is FerretDB on a private PostgreSQL cluster: both processes are checked, and after `down`
 * no process of the instance may remain (PostgreSQL's processes all run in the cluster's data dir).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { mongo } from 'mongoose';

const SCRIPT = path.resolve(__dirname, '..', 'infra');
const COMPONENTS = ['kafka', 'mongo', 'clickhouse', 'mail'] as const;
type Component = (typeof COMPONENTS)[number];

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Reserves `count` distinct free TCP ports on 127.0.0.1 by binding to port 0, then releases them. */
async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      servers.push(server);
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

function runInfra(env: NodeJS.ProcessEnv, ...args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [SCRIPT, ...args],
      { env, timeout: 170_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Fails with the script's stderr (which names the log files) if it did not exit 0. */
function expectOk(res: RunResult): void {
  if (res.code !== 0) throw new Error(`tools/infra exited ${res.code}:\n${res.stderr}`);
}

/** True if the PID exists and is not a zombie (an exited process not yet reaped by its parent). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /s.test(stat);
  } catch {
    return false;
  }
}

/** PIDs of live processes that belong to an instance: working directory or command line inside `dir`. */
function processesOf(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid || !isRunning(pid)) continue;
    let cwd = '';
    let cmdline = '';
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      /* gone, or not ours to inspect */
    }
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      /* gone */
    }
    if (cwd === dir || cwd.startsWith(`${dir}/`) || cmdline.includes(dir)) found.push(pid);
  }
  return found;
}

/** Waits until process.kill(pid, 0) throws (the process is gone and reaped), at most `ms`. */
async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('tools/infra on a private instance', () => {
  let infraDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: Record<string, number>;
  const pids: Partial<Record<Component, number>> = {};
  let pgPid = 0;

  const pidFile = (c: Component) => path.join(infraDir, `${c}.pid`);
  const readPid = (c: Component) => Number(fs.readFileSync(pidFile(c), 'utf8').split('\n')[0]);
  const statusLine = (stdout: string, c: Component | 'mongo-pg') =>
    stdout.split('\n').find((l) => l.startsWith(`${c} `)) ?? '';
  /** The PostgreSQL postmaster of the mongo component, from PostgreSQL's own pid file. */
  const pgDataDir = () => path.join(infraDir, 'mongo', 'pg', 'data');
  const readPgPid = () => Number(fs.readFileSync(path.join(pgDataDir(), 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    // mkdtemp makes a 0700 directory: tools/infra must still let user postgres reach its cluster.
    infraDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'credstream-infra-test-')));
    const [kafka, kafkaController, mongo, mongoDebug, mongoPg, chHttp, chTcp, chInterserver, smtp, inbox] =
      await freePorts(10);
    ports = { kafka, kafkaController, mongo, mongoDebug, mongoPg, chHttp, chTcp, chInterserver, smtp, inbox };
    env = {
      ...process.env,
      INFRA_DIR: infraDir,
      INFRA_KAFKA_PORT: String(kafka),
      INFRA_KAFKA_CONTROLLER_PORT: String(kafkaController),
      INFRA_KAFKA_HEAP: '384m',
      INFRA_MONGO_PORT: String(mongo),
      INFRA_MONGO_DEBUG_PORT: String(mongoDebug),
      INFRA_MONGO_PG_PORT: String(mongoPg),
      INFRA_CLICKHOUSE_HTTP_PORT: String(chHttp),
      INFRA_CLICKHOUSE_TCP_PORT: String(chTcp),
      INFRA_CLICKHOUSE_INTERSERVER_PORT: String(chInterserver),
      INFRA_CLICKHOUSE_USER: 'svc_test',
      INFRA_CLICKHOUSE_PASSWORD: 'svc&<pw>',
      INFRA_CLICKHOUSE_ANALYST_USER: 'analyst_test',
      INFRA_CLICKHOUSE_ANALYST_PASSWORD: 'an@lyst',
      INFRA_MAIL_SMTP_PORT: String(smtp),
      INFRA_MAIL_WEB_PORT: String(inbox),
    };
  }, 30_000);

  afterAll(async () => {
    if (!infraDir) return;
    await runInfra(env, 'down'); // safety net if a test failed midway
    fs.rmSync(infraDir, { recursive: true, force: true });
  }, 120_000);

  it('up starts all components and prints their endpoints', async () => {
    const res = await runInfra(env, 'up');
    expectOk(res);
    expect(res.stdout).toContain(`export KAFKA_BROKERS=127.0.0.1:${ports.kafka}\n`);
    expect(res.stdout).toContain(`export MONGODB_URI=mongodb://127.0.0.1:${ports.mongo}/credstream\n`);
    expect(res.stdout).toContain(`export CLICKHOUSE_URL=http://127.0.0.1:${ports.chHttp}\n`);
    expect(res.stdout).toContain('export CLICKHOUSE_USER=svc_test\n');
    expect(res.stdout).toContain(`export SMTP_URL=smtp://127.0.0.1:${ports.smtp}\n`);
    expect(res.stdout).toContain(`export MAIL_INBOX_URL=http://127.0.0.1:${ports.inbox}\n`);
    for (const c of COMPONENTS) {
      pids[c] = readPid(c);
      expect(isRunning(pids[c]!)).toBe(true);
    }
    // mongo = FerretDB with the PostgreSQL backend on this instance's own cluster
    expect(fs.readFileSync(pidFile('mongo'), 'utf8')).toContain('backend=postgresql\n');
    const ferretArgs = fs.readFileSync(`/proc/${pids.mongo}/cmdline`, 'utf8').split('\0');
    expect(ferretArgs).toContain('--handler=postgresql');
    expect(ferretArgs).toContain(
      `--postgresql-url=postgres://postgres@127.0.0.1:${ports.mongoPg}/ferretdb?pool_max_conns=400`,
    );
    pgPid = readPgPid();
    expect(isRunning(pgPid)).toBe(true);
    expect(fs.readFileSync(`/proc/${pgPid}/cmdline`, 'utf8').split('\0')).toContain(pgDataDir());
    if (process.getuid?.() === 0) expect(fs.statSync(`/proc/${pgPid}`).uid).not.toBe(0); // runs as user postgres
  }, 180_000);

  it('status shows every component up with endpoint and PID', async () => {
    const res = await runInfra(env, 'status');
    expect(res.code).toBe(0);
    expect(statusLine(res.stdout, 'kafka')).toMatch(
      new RegExp(`^kafka\\s+up\\s+127\\.0\\.0\\.1:${ports.kafka}\\s+pid ${pids.kafka}\\b`),
    );
    expect(statusLine(res.stdout, 'mongo')).toMatch(
      new RegExp(`^mongo\\s+up\\s+mongodb://127\\.0\\.0\\.1:${ports.mongo}/credstream\\s+pid ${pids.mongo}\\b`),
    );
    expect(statusLine(res.stdout, 'mongo-pg')).toMatch(
      new RegExp(`^mongo-pg\\s+up\\s+postgres://postgres@127\\.0\\.0\\.1:${ports.mongoPg}/ferretdb\\s+pid ${pgPid}\\b`),
    );
    expect(statusLine(res.stdout, 'clickhouse')).toMatch(
      new RegExp(`^clickhouse\\s+up\\s+http://127\\.0\\.0\\.1:${ports.chHttp}\\s+pid ${pids.clickhouse}\\b`),
    );
    expect(statusLine(res.stdout, 'mail')).toMatch(
      new RegExp(`^mail\\s+up\\s+smtp://127\\.0\\.0\\.1:${ports.smtp}\\s+pid ${pids.mail}\\b`),
    );
  }, 30_000);

  it('clickhouse has the credstream database, a read-write service user and a read-only analyst', async () => {
    const base = `http://127.0.0.1:${ports.chHttp}`;
    const query = async (user: string, password: string, sql: string) => {
      const res = await fetch(`${base}/`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
        body: sql,
      });
      return { status: res.status, body: await res.text() };
    };
    expect(await (await fetch(`${base}/ping`)).text()).toBe('Ok.\n');
    const svc = await query(
      'svc_test',
      'svc&<pw>',
      'CREATE TABLE IF NOT EXISTS credstream.infra_probe (x UInt8) ENGINE = Memory',
    );
    expect(svc).toEqual({ status: 200, body: '' });
    const analystRead = await query('analyst_test', 'an@lyst', 'SELECT count() FROM credstream.infra_probe');
    expect(analystRead).toEqual({ status: 200, body: '0\n' });
    const analystWrite = await query(
      'analyst_test',
      'an@lyst',
      'CREATE TABLE credstream.nope (x UInt8) ENGINE = Memory',
    );
    expect(analystWrite.status).not.toBe(200);
    expect(analystWrite.body).toContain('readonly');
  }, 30_000);

  it('mongo stores and finds documents by field through FerretDB on PostgreSQL', async () => {
    const client = new mongo.MongoClient(`mongodb://127.0.0.1:${ports.mongo}/credstream`, {
      directConnection: true,
      serverSelectionTimeoutMS: 5_000,
    });
    try {
      await client.connect();
      const coll = client.db('credstream').collection<{ _id: string; k: string; n: number }>('infra_probe');
      await coll.insertMany([
        { _id: 'a', k: 'x', n: 1 },
        { _id: 'b', k: 'y', n: 2 },
        { _id: 'c', k: 'x', n: 3 },
      ]);
      expect((await coll.find({ k: 'x' }).sort({ n: 1 }).toArray()).map((d) => d._id)).toEqual(['a', 'c']);
      expect((await coll.updateMany({ k: 'x' }, { $set: { n: 0 } })).modifiedCount).toBe(2);
      expect(await coll.countDocuments({ n: 0 })).toBe(2);
      await coll.drop();
    } finally {
      await client.close();
    }
  }, 30_000);

  it('mongo keeps answering 200 client connections that update at once (FerretDB stalls for good at its pool size)', async () => {
    const client = new mongo.MongoClient(`mongodb://127.0.0.1:${ports.mongo}/credstream`, {
      directConnection: true,
      serverSelectionTimeoutMS: 5_000,
      maxPoolSize: 200,
    });
    try {
      await client.connect();
      const coll = client.db('credstream').collection<{ _id: string; n: number }>('infra_pool_probe');
      await coll.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `d${i}`, n: 0 })));
      // The driver opens connections a few at a time: the rounds get more of them going at once.
      for (let round = 1; round <= 20; round++) {
        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            i % 2 === 0
              ? coll.updateOne({ _id: `d${i}` }, { $set: { n: round } })
              : coll.findOneAndUpdate({ _id: `d${i}` }, { $inc: { n: 1 } }, { returnDocument: 'after' }),
          ),
        );
      }
      expect(await coll.countDocuments({ n: 20 })).toBe(200);
      expect(await client.db('credstream').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await coll.drop();
    } finally {
      await client.close();
    }
  }, 30_000);

  it('every index FerretDB builds gets a GIN twin, which its equality filters use (as MongoDB uses its indexes)', async () => {
    const client = new mongo.MongoClient(`mongodb://127.0.0.1:${ports.mongo}/credstream`, {
      directConnection: true,
      serverSelectionTimeoutMS: 5_000,
    });
    const pgBin = path.dirname(fs.readlinkSync(`/proc/${readPgPid()}/exe`));
    const psql = (sql: string) =>
      new Promise<string>((resolve, reject) =>
        execFile(
          path.join(pgBin, 'psql'),
          ['-X', '-At', '-h', '127.0.0.1', '-p', String(ports.mongoPg), '-U', 'postgres', '-d', 'ferretdb', '-c', sql],
          (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
        ),
      );
    try {
      await client.connect();
      const coll = client.db('credstream').collection<{ _id: string; owner: string }>('infra_index_probe');
      await coll.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `d${i}`, owner: `o${i % 10}` })));
      await coll.createIndex({ owner: 1, _id: 1 });
      const table = (
        await psql(
          "SELECT tablename FROM pg_indexes WHERE schemaname = 'credstream' AND tablename LIKE 'infra_index_probe%' LIMIT 1",
        )
      ).trim();
      const twins = await psql(
        `SELECT indexdef FROM pg_indexes WHERE tablename = '${table}' AND indexdef LIKE '%USING gin%'`,
      );
      expect(twins).toContain(`USING gin (((_jsonb -> '_id'::text)))`);
      expect(twins).toContain(`USING gin (((_jsonb -> 'owner'::text)))`);
      // FerretDB's own filter shape for {owner: 'o3'}; with scans ruled out, PostgreSQL must be able to use a twin.
      const plan = await psql(
        `SET enable_seqscan = off; EXPLAIN SELECT _jsonb FROM credstream."${table}" WHERE _jsonb -> 'owner' @> '"o3"'`,
      );
      expect(plan).toMatch(/Index Scan|Bitmap Index Scan/);
      expect(plan).toContain('_gin');
      expect((await coll.find({ owner: 'o3' }).toArray()).map((d) => d._id)).toHaveLength(20);
      expect((await coll.findOne({ _id: 'd42' }))?.owner).toBe('o2');
      await coll.drop();
    } finally {
      await client.close();
    }
  }, 30_000);

  it('a second up is idempotent: same processes, endpoints printed again', async () => {
    const res = await runInfra(env, 'up');
    expectOk(res);
    for (const c of COMPONENTS) {
      expect(res.stderr).toContain(`${c}: already running (pid ${pids[c]})`);
      expect(readPid(c)).toBe(pids[c]);
    }
    expect(readPgPid()).toBe(pgPid);
    expect(res.stdout).toContain(`export KAFKA_BROKERS=127.0.0.1:${ports.kafka}\n`);
  }, 120_000);

  it.each(['debug', 'postgresql'])(
    'up refuses to start mongo whose %s port is taken, and leaves nothing behind',
    async (which) => {
      const [kafka, kafkaController, mongo, mongoDebug, mongoPg, chHttp, chTcp, chInterserver] = await freePorts(8);
      const otherDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'credstream-infra-test-busy-')));
      const busy = which === 'debug' ? mongoDebug : mongoPg;
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(busy, '127.0.0.1', () => resolve()));
      try {
        const otherEnv = {
          ...env,
          INFRA_DIR: otherDir,
          INFRA_KAFKA_PORT: String(kafka),
          INFRA_KAFKA_CONTROLLER_PORT: String(kafkaController),
          INFRA_MONGO_PORT: String(mongo),
          INFRA_MONGO_DEBUG_PORT: String(mongoDebug),
          INFRA_MONGO_PG_PORT: String(mongoPg),
          INFRA_CLICKHOUSE_HTTP_PORT: String(chHttp),
          INFRA_CLICKHOUSE_TCP_PORT: String(chTcp),
          INFRA_CLICKHOUSE_INTERSERVER_PORT: String(chInterserver),
        };
        const res = await runInfra(otherEnv, 'up', 'mongo');
        expect(res.code).not.toBe(0);
        expect(res.stderr).toContain(`port 127.0.0.1:${busy} is already in use`);
        expect(fs.existsSync(path.join(otherDir, 'mongo.pid'))).toBe(false);
        expect(processesOf(otherDir)).toEqual([]);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('runs mongo with the SQLite backend when INFRA_MONGO_BACKEND=sqlite (no PostgreSQL)', async () => {
    const [mongo, mongoDebug, mongoPg] = await freePorts(3);
    const otherDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'credstream-infra-test-sqlite-')));
    const otherEnv = {
      ...env,
      INFRA_DIR: otherDir,
      INFRA_MONGO_BACKEND: 'sqlite',
      INFRA_MONGO_PORT: String(mongo),
      INFRA_MONGO_DEBUG_PORT: String(mongoDebug),
      INFRA_MONGO_PG_PORT: String(mongoPg),
    };
    try {
      const up = await runInfra(otherEnv, 'up', 'mongo');
      expectOk(up);
      expect(up.stdout).toContain(`export MONGODB_URI=mongodb://127.0.0.1:${mongo}/credstream\n`);
      const ferretPid = Number(fs.readFileSync(path.join(otherDir, 'mongo.pid'), 'utf8').split('\n')[0]);
      expect(fs.readFileSync(`/proc/${ferretPid}/cmdline`, 'utf8').split('\0')).toContain('--handler=sqlite');
      expect(fs.existsSync(path.join(otherDir, 'mongo', 'pg'))).toBe(false);
      const status = await runInfra(otherEnv, 'status', 'mongo');
      expect(statusLine(status.stdout, 'mongo')).toMatch(/^mongo\s+up\s/);
      expect(statusLine(status.stdout, 'mongo-pg')).toBe('');
    } finally {
      expectOk(await runInfra(otherEnv, 'down', 'mongo'));
      expect(processesOf(otherDir)).toEqual([]);
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('down stops every process it started and removes the pid files', async () => {
    const pgChildren = processesOf(pgDataDir());
    expect(pgChildren).toContain(pgPid);
    const res = await runInfra(env, 'down');
    expectOk(res);
    for (const c of COMPONENTS) {
      const pid = pids[c]!;
      expect(isRunning(pid)).toBe(false);
      // An exited child may linger as a zombie until init reaps it; then kill(pid, 0) throws ESRCH.
      if (!(await waitUntilGone(pid, 30_000))) {
        expect(isRunning(pid)).toBe(false); // still an unreaped zombie: not running, which is what matters
      }
      expect(fs.existsSync(pidFile(c))).toBe(false);
    }
    // PostgreSQL (postmaster and every child) and FerretDB of this instance are gone.
    expect(res.stderr).toContain('mongo: PostgreSQL stopped');
    for (const pid of pgChildren) expect(isRunning(pid)).toBe(false);
    expect(processesOf(infraDir)).toEqual([]);
    expect(fs.existsSync(path.join(pgDataDir(), 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('status shows every component down, and a second down is a no-op', async () => {
    const status = await runInfra(env, 'status');
    expect(status.code).toBe(0);
    for (const c of COMPONENTS) expect(statusLine(status.stdout, c)).toMatch(new RegExp(`^${c}\\s+down\\s`));
    expect(statusLine(status.stdout, 'mongo-pg')).toMatch(/^mongo-pg\s+down\s/);
    const again = await runInfra(env, 'down');
    expect(again.code).toBe(0);
    for (const c of COMPONENTS) expect(again.stderr).toContain(`${c}: not running`);
  }, 30_000);
});
