#!/usr/bin/env node
/**
 * Fills a MariaDB database with a large dealership group for the benchmarks: 200 stores, N test-drive
 * bookings over two years (and the next two weeks), 0.3·N orders and deliveries, N survey responses
 * with their factor scores, 2·N follow-up tasks, a prospect per customer.
 *
 * The schema and one small, valid example of every record come from the API itself: `createSchema`
 * starts the built API once with the demo seed. The rows are then made inside MariaDB by
 * `INSERT … SELECT` over its SEQUENCE engine (`seq_1_to_N`), copying the JSON columns (answers,
 * checklists, notes) from the demo's rows of the same kind, so every row is something the API itself
 * wrote and reads back. No row crosses the network: a million rows take seconds, not a loop of
 * round trips. Deterministic: the same N gives the same data (dates are relative to today).
 *
 *   node tests/load/generate.mjs --database-url mysql://root@127.0.0.1:3306/dc_bench --bookings 1000000
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { freePort } from '../free-port.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = join(root, 'apps/api/dist/main.js');

export const STORE_COUNT = 200;
const CONSULTANTS_PER_STORE = 5;
const MODELS_WITH_CARS = 6;
const HEAVY_CUSTOMERS = 20;
const HEAVY_BOOKINGS = 1000;
const OPEN_INVITATIONS = 5000;
/** Shanghai has no daylight saving: store-local time is UTC+8 all year. */
const LOCAL_OFFSET_HOURS = 8;
const PAST_DAYS = 700;
const FUTURE_DAYS = 14;
const SLOT_HOURS = 8; // 09:00 … 16:00 local starts, one-hour slots (the default policy)

// Id ranges far above the demo seed's, so both live side by side.
const ID = {
  store: 1000,
  staff: 100_000,
  car: 100_000,
  customer: 1_000_000,
  booking: 1_000_000,
  order: 1_000_000,
  invitation: 1_000_000,
  prospect: 1_000_000,
  task: 1_000_000,
  lowCase: 1_000_000,
};

const NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄强',
  '周杰',
  '吴婷',
  '徐鹏',
  '孙丽',
];
const CITIES = [
  '广州',
  '深圳',
  '佛山',
  '东莞',
  '珠海',
  '北京',
  '上海',
  '杭州',
  '南京',
  '成都',
  '武汉',
  '西安',
];
const sqlList = (values) => values.map((v) => `'${v}'`).join(',');
/** A deterministic spread of 0 … m−1 over consecutive integers (Knuth's multiplicative hash). */
const hash = (expr, m) => `MOD((${expr}) * 2654435761, ${m})`;

/** Runs the API's migrations and demo seed on the (empty) database by starting the built API once. */
export async function createSchema(databaseUrl, { log = () => {} } = {}) {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run pnpm build first`);
  const port = await freePort();
  const child = spawn(process.execPath, [apiMain], {
    cwd: join(root, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:'),
      SEED_DEMO_DATA: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} while migrating`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the API did not come up to migrate the database');
      await new Promise((r) => setTimeout(r, 300));
    }
    log('schema and demo seed in place');
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Today's date in Shanghai as 'YYYY-MM-DD'. */
function shanghaiToday() {
  return new Date(Date.now() + LOCAL_OFFSET_HOURS * 3600_000).toISOString().slice(0, 10);
}

export async function generate({ databaseUrl, bookings = 1_000_000, log = () => {} }) {
  const started = Date.now();
  const conn = await mysql.createConnection({ uri: databaseUrl, multipleStatements: false });
  const step = async (label, sql, params) => {
    const t = Date.now();
    const [result] = await conn.query(sql, params);
    const rows = result.affectedRows ?? 0;
    log(`  ${label}: ${rows.toLocaleString('en')} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return rows;
  };
  try {
    // SEQUENCE values are unsigned: day offsets below subtract from them.
    await conn.query(
      "SET SESSION foreign_key_checks = 0, unique_checks = 0, sql_mode = CONCAT(@@sql_mode, ',NO_UNSIGNED_SUBTRACTION')",
    );
    const [[{ existing }]] = await conn.query('SELECT COUNT(*) AS existing FROM stores WHERE id > ?', [
      ID.store,
    ]);
    if (Number(existing) > 0) throw new Error('the database already holds generated data');
    const N = Math.max(1000, Math.round(bookings));
    const C = Math.max(500, Math.floor(N / 2)); // ordinary customers; the heavy ones come after them
    const orders = Math.round(N * 0.3);
    const tasks = N * 2;
    const today = shanghaiToday();
    log(`generating for ${N.toLocaleString('en')} bookings (today ${today}, Asia/Shanghai)`);

    // Demo rows the JSON columns are copied from.
    const one = async (sql) => (await conn.query(sql))[0][0];
    const passwordHash = (
      await one("SELECT password_hash FROM staff_users WHERE role = 'consultant' LIMIT 1")
    ).password_hash;
    const models = (await conn.query('SELECT id FROM vehicle_models ORDER BY id'))[0].map((r) => r.id);
    const consent = (await one('SELECT version FROM test_drive_consents LIMIT 1')).version;
    const templates = Object.fromEntries(
      (await conn.query('SELECT kind, id FROM survey_templates WHERE active = 1'))[0].map((r) => [
        r.kind,
        r.id,
      ]),
    );

    // Stores: 200, with the demo's Guangzhou opening hours.
    await step(
      'stores',
      `INSERT INTO stores (id, code, name, city, address, phone, latitude, longitude, time_zone)
       SELECT ${ID.store} + seq, CONCAT('BX-', LPAD(seq, 3, '0')),
              CONCAT('云岚汽车', ELT(MOD(seq, 12) + 1, ${sqlList(CITIES)}), LPAD(seq, 3, '0'), '号4S店'),
              ELT(MOD(seq, 12) + 1, ${sqlList(CITIES)}), CONCAT('演示路 ', seq, ' 号'),
              CONCAT('020-3', LPAD(seq, 7, '0')), 23 + MOD(seq, 10) / 10, 113 + MOD(seq, 10) / 10, 'Asia/Shanghai'
       FROM seq_1_to_${STORE_COUNT}`,
    );
    await step(
      'store opening periods',
      `INSERT INTO store_opening_periods (store_id, weekday, opens, closes)
       SELECT ${ID.store} + s.seq, p.weekday, p.opens, p.closes
       FROM seq_1_to_${STORE_COUNT} s
       CROSS JOIN (SELECT weekday, opens, closes FROM store_opening_periods WHERE store_id = (SELECT MIN(id) FROM stores)) p`,
    );
    // Staff: per store a manager (k = 0) and five consultants (k = 1 … 5); one group admin.
    await step(
      'staff',
      `INSERT INTO staff_users (id, username, display_name, password_hash, role, store_id, mobile, active)
       SELECT ${ID.staff} + s.seq * 10 + k.seq,
              IF(k.seq = 0, CONCAT('s', s.seq, '.manager'), CONCAT('s', s.seq, '.c', k.seq)),
              IF(k.seq = 0, CONCAT('店长', s.seq), CONCAT(ELT(MOD(s.seq + k.seq, 12) + 1, ${sqlList(NAMES)}), s.seq)),
              ?, IF(k.seq = 0, 'manager', 'consultant'), ${ID.store} + s.seq, NULL, 1
       FROM seq_1_to_${STORE_COUNT} s CROSS JOIN seq_0_to_${CONSULTANTS_PER_STORE} k`,
      [passwordHash],
    );
    await conn.query(
      `INSERT INTO staff_users (id, username, display_name, password_hash, role, store_id, active)
       VALUES (${ID.staff}, 'bench.admin', '集团管理员(压测)', ?, 'admin', NULL, 1)`,
      [passwordHash],
    );
    // One test-drive car per store for each of the first six models.
    const carModels = models.slice(0, MODELS_WITH_CARS);
    await step(
      'test-drive cars',
      `INSERT INTO test_drive_cars (id, store_id, model_id, plate, in_service)
       SELECT ${ID.car} + s.seq * 10 + m.seq, ${ID.store} + s.seq, ELT(m.seq, ${carModels.join(',')}),
              CONCAT('粤B·', LPAD(s.seq, 3, '0'), m.seq), 1
       FROM seq_1_to_${STORE_COUNT} s CROSS JOIN seq_1_to_${carModels.length} m`,
    );

    // Customers: ordinary ones have a home store (c mod 200); the heavy ones come last.
    const customerSql = (count, offset) => `
      INSERT INTO customers (id, openid, phone, nickname, last_login_at)
      SELECT ${ID.customer} + ${offset} + seq, CONCAT('bench-', ${offset} + seq),
             CONCAT('139', LPAD(${offset} + seq, 8, '0')), NULL, NULL
      FROM seq_1_to_${count}`;
    await step('customers', customerSql(C + HEAVY_CUSTOMERS, 0));
    // A customer's home store and consultant, as SQL over the customer number c (1 … C + heavy).
    const homeStore = (c) => `(${ID.store} + 1 + MOD(${c}, ${STORE_COUNT}))`;
    const homeConsultant = (c) =>
      `(${ID.staff} + (1 + MOD(${c}, ${STORE_COUNT})) * 10 + 1 + MOD(FLOOR(${c} / ${STORE_COUNT}), ${CONSULTANTS_PER_STORE}))`;
    const name = (x) => `ELT(MOD(${x}, 12) + 1, ${sqlList(NAMES)})`;
    const phone = (c) => `CONCAT('139', LPAD(${c}, 8, '0'))`;
    const localDay = (offsetDays) => `DATE_ADD('${today}', INTERVAL ${offsetDays} DAY)`;
    /** The UTC instant of a store-local date and hour. */
    const instant = (dayExpr, hourExpr) =>
      `TIMESTAMPADD(HOUR, (${hourExpr}) - ${LOCAL_OFFSET_HOURS}, CAST(${dayExpr} AS DATETIME))`;

    // Past bookings: customer c = seq mod C (the first HEAVY_BOOKINGS go to the heavy customers),
    // day = one of the last 700, hour = one of the day's slots; status by a hash.
    const pastBookings = N - Math.round(N * 0.02);
    const customerOf = (seq) =>
      `IF(${seq} <= ${HEAVY_BOOKINGS}, ${C} + 1 + MOD(${seq}, ${HEAVY_CUSTOMERS}), 1 + MOD(${seq}, ${C}))`;
    await step(
      'test-drive bookings (past)',
      `INSERT INTO test_drive_bookings (id, reference, store_id, model_id, customer_id, starts_at, ends_at, status,
         customer_name, mobile, licence_masked, licence_purged_at, consent_version, consent_accepted_at,
         licence_consent_at, car_id, consultant_id, reschedule_count, closing_reason, created_at, updated_at)
       SELECT ${ID.booking} + b.seq, CONCAT('TB', LPAD(HEX(b.seq), 8, '0')), ${homeStore('b.c')},
              ELT(b.m, ${carModels.join(',')}), ${ID.customer} + b.c, b.starts, b.starts + INTERVAL 1 HOUR,
              ELT(b.h + 1, 'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
                  'cancelled', 'no_show', 'rejected', 'completed'),
              ${name('b.c')}, ${phone('b.c')}, '440106************', b.starts + INTERVAL 3 DAY, '${consent}',
              b.starts - INTERVAL 2 DAY, b.starts - INTERVAL 2 DAY,
              IF(b.h < 6 OR b.h = 9, ${ID.car} + (1 + MOD(b.c, ${STORE_COUNT})) * 10 + b.m, NULL),
              ${homeConsultant('b.c')}, 0, IF(b.h = 8, '该时段车辆已约满', NULL),
              b.starts - INTERVAL 2 DAY, b.starts + INTERVAL 1 HOUR
       FROM (SELECT seq, ${customerOf('seq')} AS c, 1 + MOD(seq, ${carModels.length}) AS m,
                    ${hash('seq', 10)} AS h,
                    ${instant(localDay(`-1 - MOD(seq, ${PAST_DAYS})`), `9 + MOD(FLOOR(seq / ${PAST_DAYS}), ${SLOT_HOURS})`)} AS starts
             FROM seq_1_to_${pastBookings}) b`,
    );
    // Future bookings: a share of the (store, day, hour, car) places of the next two weeks, so each
    // car and slot is held at most once; the rest stays free for the slot lookup and new bookings.
    const places = STORE_COUNT * FUTURE_DAYS * SLOT_HOURS * carModels.length;
    const perMille = Math.min(600, Math.max(1, Math.ceil(((N - pastBookings) / places) * 1000)));
    await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_future');
    await conn.query(
      `CREATE TEMPORARY TABLE bench_future (n INT PRIMARY KEY, s INT, d INT, h INT, m INT, c INT, starts DATETIME) ENGINE=InnoDB`,
    );
    await conn.query(
      `INSERT INTO bench_future
       SELECT ROW_NUMBER() OVER (ORDER BY seq), s, d, h, m,
              1 + MOD(FLOOR(seq / 7) * ${STORE_COUNT} + s - 1, ${C}),
              ${instant(localDay('d'), '9 + h')}
       FROM (SELECT seq, 1 + MOD(seq, ${STORE_COUNT}) AS s,
                    1 + MOD(FLOOR(seq / ${STORE_COUNT}), ${FUTURE_DAYS}) AS d,
                    MOD(FLOOR(seq / ${STORE_COUNT * FUTURE_DAYS}), ${SLOT_HOURS}) AS h,
                    1 + FLOOR(seq / ${STORE_COUNT * FUTURE_DAYS * SLOT_HOURS}) AS m
             FROM seq_0_to_${places - 1}) p
       WHERE ${hash('seq', 1000)} < ${perMille}`,
    );
    // The customer c above lives in store s (c ≡ s − 1 mod 200), so home store and booking store agree.
    await step(
      'test-drive bookings (next two weeks)',
      `INSERT INTO test_drive_bookings (id, reference, store_id, model_id, customer_id, starts_at, ends_at, status,
         customer_name, mobile, licence_masked, licence_hash, licence_encrypted, consent_version, consent_accepted_at,
         licence_consent_at, car_id, consultant_id, reschedule_count, created_at, updated_at)
       SELECT ${ID.booking} + ${pastBookings} + f.n, CONCAT('TF', LPAD(HEX(f.n), 8, '0')), ${ID.store} + f.s,
              ELT(f.m, ${carModels.join(',')}), ${ID.customer} + f.c, f.starts, f.starts + INTERVAL 1 HOUR,
              IF(MOD(f.n, 3) = 0, 'requested', 'confirmed'), ${name('f.c')}, ${phone('f.c')}, '440106************',
              NULL, NULL, '${consent}', NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY,
              ${ID.car} + f.s * 10 + f.m, IF(MOD(f.n, 3) = 0, NULL, ${homeConsultant('f.c')}), 0,
              NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY
       FROM bench_future f`,
    );
    await step(
      'car holds',
      `INSERT INTO test_drive_car_holds (booking_id, car_id, slot_start)
       SELECT ${ID.booking} + ${pastBookings} + f.n, ${ID.car} + f.s * 10 + f.m, f.starts FROM bench_future f`,
    );

    // Prospects: one per ordinary customer, in their home store.
    await step(
      'prospects',
      `INSERT INTO prospects (id, store_id, customer_id, name, phone, status, intent_level, style, consultant_id,
         last_contact_at, created_at, updated_at)
       SELECT ${ID.prospect} + seq, ${homeStore('seq')}, ${ID.customer} + seq, ${name('seq')}, ${phone('seq')},
              ELT(${hash('seq', 10)} + 1, 'active','active','active','active','active','active','won','won','lost','active'),
              ELT(MOD(seq, 4) + 1, 'H', 'A', 'B', 'C'), NULL, ${homeConsultant('seq')},
              NOW() - INTERVAL MOD(seq, ${PAST_DAYS}) DAY, NOW() - INTERVAL MOD(seq, ${PAST_DAYS}) + 30 DAY,
              NOW() - INTERVAL MOD(seq, ${PAST_DAYS}) DAY
       FROM seq_1_to_${C}`,
    );

    // Orders: delivered over the two years; 2 % still being scheduled.
    const orderJson = async (status) =>
      one(`SELECT date_options, checklists FROM sales_orders WHERE status = '${status}' ORDER BY id LIMIT 1`);
    const delivered = await orderJson('delivered');
    const scheduling = await orderJson('scheduling');
    const openOrders = Math.round(orders * 0.02);
    await step(
      'sales orders (delivered)',
      `INSERT INTO sales_orders (id, order_no, store_id, customer_id, customer_name, customer_mobile, model_id, trim_name,
         colour, vin, consultant_id, promised_from, promised_to, status, date_options, scheduled_at, scheduled_date,
         party_size, checklists, delivered_at, created_at, updated_at)
       SELECT ${ID.order} + o.seq, CONCAT('SB', LPAD(o.seq, 10, '0')), ${homeStore('o.c')}, ${ID.customer} + o.c,
              ${name('o.c')}, ${phone('o.c')}, ELT(1 + MOD(o.seq, ${models.length}), ${models.join(',')}), '长续航版',
              '珍珠白', CONCAT('LBNCH', LPAD(o.seq, 12, '0')), ${homeConsultant('o.c')},
              DATE_FORMAT(o.day - INTERVAL 3 DAY, '%Y-%m-%d'), DATE_FORMAT(o.day + INTERVAL 10 DAY, '%Y-%m-%d'),
              'delivered', ?, ${instant('o.day', '10')}, DATE_FORMAT(o.day, '%Y-%m-%d'), 2, ?,
              ${instant('o.day', '11')}, ${instant('o.day', '10')} - INTERVAL 20 DAY, ${instant('o.day', '11')}
       FROM (SELECT seq, 1 + MOD(seq * 3, ${C}) AS c, ${localDay(`-1 - MOD(seq, ${PAST_DAYS})`)} AS day
             FROM seq_1_to_${orders - openOrders}) o`,
      [delivered.date_options, delivered.checklists],
    );
    await step(
      'sales orders (scheduling)',
      `INSERT INTO sales_orders (id, order_no, store_id, customer_id, customer_name, customer_mobile, model_id, trim_name,
         colour, vin, consultant_id, promised_from, promised_to, status, date_options, checklists, created_at, updated_at)
       SELECT ${ID.order} + ${orders - openOrders} + o.seq, CONCAT('SB', LPAD(${orders - openOrders} + o.seq, 10, '0')),
              ${homeStore('o.c')}, ${ID.customer} + o.c, ${name('o.c')}, ${phone('o.c')},
              ELT(1 + MOD(o.seq, ${models.length}), ${models.join(',')}), '四驱性能版', '星空灰', NULL,
              ${homeConsultant('o.c')}, DATE_FORMAT(${localDay('5 + MOD(o.seq, 10)')}, '%Y-%m-%d'),
              DATE_FORMAT(${localDay('20 + MOD(o.seq, 10)')}, '%Y-%m-%d'), 'scheduling', '[]', ?,
              NOW() - INTERVAL 5 DAY, NOW() - INTERVAL 5 DAY
       FROM (SELECT seq, 1 + MOD(seq * 7, ${C}) AS c FROM seq_1_to_${openOrders}) o`,
      [scheduling.checklists],
    );

    // Survey responses: 70 % after a test drive, 30 % after a delivery, each a copy of one of the
    // demo's answered surveys of that kind (answers, scores, low-score reasons, factor scores).
    await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_sample');
    await conn.query(
      `CREATE TEMPORARY TABLE bench_sample ENGINE=InnoDB AS
       SELECT ROW_NUMBER() OVER (PARTITION BY kind ORDER BY id) - 1 AS rn, id, kind, template_id, minutes_to_answer,
              index_score, nps, overall, low_score, low_reasons, answers
       FROM survey_responses WHERE kind IN ('test_drive_feedback', 'sales_csi')`,
    );
    const [sampleCounts] = await conn.query('SELECT kind, COUNT(*) AS n FROM bench_sample GROUP BY kind');
    const samples = Object.fromEntries(sampleCounts.map((r) => [r.kind, Number(r.n)]));
    await conn.query('ALTER TABLE bench_sample ADD PRIMARY KEY (kind, rn)');
    const kindOf = (seq) => `IF(MOD(${seq}, 10) < 7, 'test_drive_feedback', 'sales_csi')`;
    const sampleOf = (seq) =>
      `IF(MOD(${seq}, 10) < 7, MOD(${seq}, ${samples.test_drive_feedback}), MOD(${seq}, ${samples.sales_csi}))`;
    await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_answer');
    await conn.query(
      `CREATE TEMPORARY TABLE bench_answer (n INT PRIMARY KEY, c INT, kind VARCHAR(24), rn INT, completed DATETIME) ENGINE=InnoDB`,
    );
    await conn.query(
      `INSERT INTO bench_answer
       SELECT seq, 1 + MOD(seq * 11, ${C}), ${kindOf('seq')}, ${sampleOf('seq')},
              ${instant(localDay(`-1 - MOD(seq, ${PAST_DAYS})`), `10 + MOD(seq, 10)`)} + INTERVAL MOD(seq, 60) MINUTE
       FROM seq_1_to_${N}`,
    );
    await step(
      'survey invitations (answered)',
      `INSERT INTO survey_invitations (id, kind, template_id, event_type, event_id, store_id, consultant_id, customer_id,
         customer_name, customer_mobile, subject, status, send_at, sent_at, opened_at, started_at, completed_at,
         expires_at, answers, answered_count, question_count, created_at, updated_at)
       SELECT ${ID.invitation} + a.n, a.kind, t.template_id,
              IF(a.kind = 'sales_csi', 'order_delivered', 'test_drive_completed'), ${ID.invitation} + a.n,
              ${homeStore('a.c')}, ${homeConsultant('a.c')}, ${ID.customer} + a.c, ${name('a.c')}, ${phone('a.c')},
              IF(a.kind = 'sales_csi', '交车满意度回访', '试驾体验评价'), 'completed',
              a.completed - INTERVAL t.minutes_to_answer MINUTE, a.completed - INTERVAL t.minutes_to_answer MINUTE,
              a.completed - INTERVAL 2 MINUTE, a.completed - INTERVAL 2 MINUTE, a.completed,
              a.completed + INTERVAL 14 DAY, t.answers, 16, 17, a.completed, a.completed
       FROM bench_answer a JOIN bench_sample t ON t.kind = a.kind AND t.rn = a.rn`,
    );
    await step(
      'survey responses',
      `INSERT INTO survey_responses (id, invitation_id, template_id, kind, store_id, consultant_id, customer_id,
         completed_at, local_date, local_week, minutes_to_answer, index_score, nps, overall, low_score, low_reasons, answers)
       SELECT ${ID.invitation} + a.n, ${ID.invitation} + a.n, t.template_id, a.kind, ${homeStore('a.c')},
              ${homeConsultant('a.c')}, ${ID.customer} + a.c, a.completed,
              DATE_FORMAT(a.completed + INTERVAL ${LOCAL_OFFSET_HOURS} HOUR, '%Y-%m-%d'),
              DATE_FORMAT(DATE(a.completed + INTERVAL ${LOCAL_OFFSET_HOURS} HOUR)
                - INTERVAL WEEKDAY(a.completed + INTERVAL ${LOCAL_OFFSET_HOURS} HOUR) DAY, '%Y-%m-%d'),
              t.minutes_to_answer, t.index_score, t.nps, t.overall, t.low_score, t.low_reasons, t.answers
       FROM bench_answer a JOIN bench_sample t ON t.kind = a.kind AND t.rn = a.rn`,
    );
    // The demo's factor scores by sample, apart: selecting from the table being filled would make
    // MariaDB buffer the whole result first.
    await conn.query('DROP TEMPORARY TABLE IF EXISTS bench_factor');
    await conn.query(
      `CREATE TEMPORARY TABLE bench_factor ENGINE=InnoDB AS
       SELECT t.kind, t.rn, f.factor_key, f.score FROM bench_sample t JOIN survey_factor_scores f ON f.response_id = t.id`,
    );
    await conn.query('ALTER TABLE bench_factor ADD INDEX (kind, rn)');
    await step(
      'survey factor scores',
      `INSERT INTO survey_factor_scores (response_id, factor_key, kind, store_id, consultant_id, local_date, score)
       SELECT ${ID.invitation} + a.n, f.factor_key, a.kind, ${homeStore('a.c')}, ${homeConsultant('a.c')},
              DATE_FORMAT(a.completed + INTERVAL ${LOCAL_OFFSET_HOURS} HOUR, '%Y-%m-%d'), f.score
       FROM bench_answer a JOIN bench_factor f ON f.kind = a.kind AND f.rn = a.rn`,
    );
    const caseNotes = (
      await one("SELECT notes FROM low_score_cases WHERE status = 'resolved' ORDER BY id LIMIT 1")
    ).notes;
    await step(
      'low-score cases',
      `INSERT INTO low_score_cases (id, response_id, store_id, customer_id, owner_id, status, opened_at, due_at,
         contacted_at, resolved_at, notes, created_at, updated_at)
       SELECT ${ID.lowCase} + a.n, ${ID.invitation} + a.n, ${homeStore('a.c')}, ${ID.customer} + a.c,
              ${homeConsultant('a.c')}, IF(a.completed > NOW() - INTERVAL 3 DAY, 'open', 'resolved'), a.completed,
              a.completed + INTERVAL 1 DAY, IF(a.completed > NOW() - INTERVAL 3 DAY, NULL, a.completed + INTERVAL 6 HOUR),
              IF(a.completed > NOW() - INTERVAL 3 DAY, NULL, a.completed + INTERVAL 11 HOUR),
              IF(a.completed > NOW() - INTERVAL 3 DAY, '[]', ?), a.completed, a.completed
       FROM bench_answer a JOIN bench_sample t ON t.kind = a.kind AND t.rn = a.rn WHERE t.low_score = 1`,
      [caseNotes],
    );
    // Open invitations for the survey-submit scenario: sent yesterday to customers 1 … 5000.
    const openInvitations = Math.min(OPEN_INVITATIONS, C);
    const tdSample = await one(
      "SELECT subject FROM survey_invitations WHERE kind = 'test_drive_feedback' ORDER BY id LIMIT 1",
    );
    await step(
      'survey invitations (open)',
      `INSERT INTO survey_invitations (id, kind, template_id, event_type, event_id, store_id, consultant_id, customer_id,
         customer_name, customer_mobile, subject, status, send_at, sent_at, expires_at, answers, answered_count,
         question_count, created_at, updated_at)
       SELECT ${ID.invitation} + ${N} + seq, 'test_drive_feedback', ${templates.test_drive_feedback},
              'test_drive_completed', ${ID.invitation} + ${N} + seq, ${homeStore('seq')}, ${homeConsultant('seq')},
              ${ID.customer} + seq, ${name('seq')}, ${phone('seq')}, ?, 'sent', NOW() - INTERVAL 1 DAY,
              NOW() - INTERVAL 1 DAY, NOW() + INTERVAL 13 DAY, '{}', 0, 0, NOW() - INTERVAL 1 DAY, NOW() - INTERVAL 1 DAY
       FROM seq_1_to_${openInvitations}`,
      [tdSample.subject],
    );

    // Follow-up tasks: two per booking over the same two years; the past ones mostly done, a few
    // overdue (some escalated); the next two weeks pending.
    const kinds = [
      'test_drive_next_day_call',
      'test_drive_no_order_callback',
      'prospect_follow_up',
      'first_contact',
      'delivery_t3_call',
      'delivery_t1_call',
      'delivery_thank_you',
    ];
    await step(
      'follow-up tasks',
      `INSERT INTO follow_up_tasks (id, store_id, prospect_id, customer_id, kind, assignee_role, assignee_id,
         source_type, source_id, status, due_at, window_start, escalated_at, attempts, outcome, note, completed_at,
         completed_by_id, created_at, updated_at)
       SELECT ${ID.task} + t.seq, ${homeStore('t.c')}, ${ID.prospect} + t.c, ${ID.customer} + t.c,
              ELT(1 + MOD(t.seq, ${kinds.length}), ${sqlList(kinds)}), 'consultant', ${homeConsultant('t.c')},
              'test_drive', ${ID.booking} + 1 + MOD(t.seq, ${pastBookings}),
              CASE WHEN t.d >= 0 THEN 'pending' WHEN t.h < 2 AND t.d > -30 THEN 'pending'
                   WHEN t.h < 6 THEN 'cancelled' ELSE 'done' END,
              t.due, NULL, IF(t.d < 0 AND t.d > -30 AND t.h = 0, t.due + INTERVAL 1 HOUR, NULL),
              IF(t.d < 0 AND t.h >= 6, 1, 0),
              IF(t.d < 0 AND t.h >= 6, 'reached_confirmed', NULL), IF(t.d < 0 AND t.h >= 6, '已电话回访，客户反馈良好', NULL),
              IF(t.d < 0 AND t.h >= 6, t.due - INTERVAL MOD(t.seq, 3) HOUR, NULL),
              IF(t.d < 0 AND t.h >= 6, ${homeConsultant('t.c')}, NULL), t.due - INTERVAL 1 DAY, t.due
       FROM (SELECT seq, 1 + MOD(seq * 13, ${C}) AS c, ${hash('seq', 100)} AS h,
                    ${FUTURE_DAYS} - 1 - MOD(seq, ${PAST_DAYS + FUTURE_DAYS}) AS d,
                    ${instant(localDay(`${FUTURE_DAYS} - 1 - MOD(seq, ${PAST_DAYS + FUTURE_DAYS})`), `10 + MOD(seq, 7)`)} AS due
             FROM seq_1_to_${tasks}) t`,
    );

    const analyzeStarted = Date.now();
    await conn.query(
      `ANALYZE TABLE test_drive_bookings, test_drive_car_holds, customers, prospects, sales_orders, survey_invitations,
         survey_responses, survey_factor_scores, low_score_cases, follow_up_tasks`,
    );
    log(`  analyze: ${((Date.now() - analyzeStarted) / 1000).toFixed(1)} s`);

    const summary = { ...(await readFixtures(conn)), seconds: Math.round((Date.now() - started) / 100) / 10 };
    log(`generated in ${summary.seconds} s`);
    return summary;
  } finally {
    await conn.end();
  }
}

/** The counts and the ids the scenarios need, read back from a generated database. */
export async function readFixtures(connOrUrl) {
  const conn = typeof connOrUrl === 'string' ? await mysql.createConnection(connOrUrl) : connOrUrl;
  try {
    const one = async (sql, params) => (await conn.query(sql, params))[0][0];
    const count = async (table) => Number((await one(`SELECT COUNT(*) AS n FROM ${table}`)).n);
    const stores = Number((await one('SELECT COUNT(*) AS n FROM stores WHERE id > ?', [ID.store])).n);
    if (stores === 0) throw new Error('no generated data in this database');
    const customers = Number(
      (await one("SELECT COUNT(*) AS n FROM customers WHERE openid LIKE 'bench-%'")).n,
    );
    const C = customers - HEAVY_CUSTOMERS;
    const carModels = (
      await conn.query('SELECT DISTINCT model_id FROM test_drive_cars WHERE store_id > ? ORDER BY model_id', [
        ID.store,
      ])
    )[0].map((r) => r.model_id);
    const today = shanghaiToday();
    const busy = await one(
      `SELECT store_id, DATE_FORMAT(starts_at + INTERVAL ${LOCAL_OFFSET_HOURS} HOUR, '%Y-%m-%d') AS day, COUNT(*) AS n
       FROM test_drive_bookings WHERE store_id = ? AND starts_at >= ? GROUP BY store_id, day ORDER BY n DESC, day LIMIT 1`,
      [ID.store + 1, `${today} 00:00:00`],
    );
    const openInvitations = Number(
      (
        await one("SELECT COUNT(*) AS n FROM survey_invitations WHERE id > ? AND status = 'sent'", [
          ID.invitation,
        ])
      ).n,
    );
    return {
      stores: await count('stores'),
      customers: await count('customers'),
      bookings: await count('test_drive_bookings'),
      orders: await count('sales_orders'),
      responses: await count('survey_responses'),
      factorScores: await count('survey_factor_scores'),
      tasks: await count('follow_up_tasks'),
      prospects: await count('prospects'),
      fixtures: {
        storeIds: Array.from({ length: stores }, (_, i) => ID.store + 1 + i),
        carModelIds: carModels,
        staffPassword: 'Demo@2026',
        consultantUsernames: Array.from({ length: 20 }, (_, i) => `s${i + 1}.c1`),
        managerUsernames: Array.from({ length: 20 }, (_, i) => `s${i + 1}.manager`),
        adminUsername: 'bench.admin',
        heavyCustomerOpenids: Array.from({ length: HEAVY_CUSTOMERS }, (_, i) => `bench-${C + 1 + i}`),
        busyDay: busy?.day ?? today,
        ordinaryCustomers: C,
        openInvitations,
        surveyQuarter: quarterBefore(today),
      },
    };
  } finally {
    if (typeof connOrUrl === 'string') await conn.end();
  }
}

/** The last full calendar quarter before `today` ('YYYY-MM-DD'), as inclusive dates. */
function quarterBefore(today) {
  const [y, m] = today.split('-').map(Number);
  let q = Math.floor((m - 1) / 3) - 1;
  let year = y;
  if (q < 0) {
    q = 3;
    year -= 1;
  }
  const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const lastMonth = q * 3 + 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from, to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const databaseUrl = arg('database-url', process.env.DATABASE_URL);
  if (!databaseUrl) throw new Error('--database-url mysql://… is required');
  if (process.argv.includes('--create-schema')) await createSchema(databaseUrl, { log: console.log });
  const summary = await generate({
    databaseUrl,
    bookings: Number(arg('bookings', 1_000_000)),
    log: console.log,
  });
  console.log(JSON.stringify({ ...summary, fixtures: undefined }, null, 2));
}
