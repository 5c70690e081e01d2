/**
 * The baseline: bare node:http + mysql2, no framework, no ORM, no validation, no auth. It answers
 * each benchmark request by running the SQL the API ran for it, so the ratio API/baseline is what
 * NestJS, TypeORM, validation, auth and our own code cost on top of the same database work.
 *
 * - Reads (`GET /replay/<key>`): the exact statements captured from the API's own connections for
 *   that request (bench/capture.mjs), run in order; the answer is their rows as JSON.
 * - Booking (`POST /booking`): the API's booking transaction statement for statement (idempotency
 *   row, store/policy/model/consent/cars reads, customer lock, active-booking check, booking, car
 *   hold — the unique index decides the race — event, prospect, follow-up task, stored answer).
 * - Survey submit (`POST /survey/<invitationId>`): the API's statements — invitation, template and
 *   store read; invitation locked and completed, response and factor scores in one transaction; the
 *   invitation and template read back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import mysql from 'mysql2/promise';

const captured = JSON.parse(readFileSync(process.env.CAPTURED, 'utf8'));
const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: Number(process.env.POOL_SIZE ?? 10),
  timezone: 'Z',
  dateStrings: false,
});

const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
const readBody = (req) =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data ? JSON.parse(data) : {}));
  });

async function replay(key) {
  const statements = captured.reads[key];
  if (!statements) return [404, { error: 'unknown key' }];
  const conn = await pool.getConnection();
  try {
    const results = [];
    for (const sql of statements) results.push((await conn.query(sql))[0]);
    return [200, results];
  } finally {
    conn.release();
  }
}

const STORE_COLUMNS =
  'id, code, name, city, address, phone, latitude, longitude, time_zone, created_at, updated_at';

async function book(body, customerId, key) {
  const conn = await pool.getConnection();
  try {
    const scope = `customer:${customerId}:test-drive-booking`;
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    await conn.query('START TRANSACTION');
    const [idem] = await conn.query(
      'INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status_code, response_body) VALUES (?, ?, ?, NULL, NULL)',
      [scope, key, hash],
    );
    await conn.query('COMMIT');
    await conn.query(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = ?`, [body.storeId]);
    await conn.query('SELECT * FROM test_drive_policies WHERE store_id = ?', [body.storeId]);
    await conn.query('SELECT * FROM vehicle_models WHERE id = ?', [body.modelId]);
    await conn.query('SELECT * FROM test_drive_consents WHERE version = ?', [body.consentVersion]);
    const [cars] = await conn.query(
      'SELECT * FROM test_drive_cars WHERE store_id = ? AND model_id = ? AND in_service = 1 ORDER BY id',
      [body.storeId, body.modelId],
    );
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + 3600_000);
    await conn.query('START TRANSACTION');
    await conn.query('SELECT * FROM customers WHERE id = ? FOR UPDATE', [customerId]);
    await conn.query(
      "SELECT * FROM test_drive_bookings WHERE customer_id = ? AND status IN ('requested', 'confirmed', 'checked_in') AND starts_at > NOW()",
      [customerId],
    );
    const reference = `TD${randomBytes(4).toString('hex').toUpperCase()}`;
    const [booking] = await conn.query(
      `INSERT INTO test_drive_bookings (reference, store_id, model_id, customer_id, starts_at, ends_at, status, customer_name,
         mobile, licence_masked, licence_hash, licence_encrypted, consent_version, consent_accepted_at, licence_consent_at)
       VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, '110105************', ?, ?, ?, NOW(), NOW())`,
      [
        reference,
        body.storeId,
        body.modelId,
        customerId,
        startsAt,
        endsAt,
        body.customerName,
        body.mobile,
        hash,
        randomBytes(60).toString('base64'),
        body.consentVersion,
      ],
    );
    let held = false;
    for (const car of cars) {
      try {
        await conn.query(
          'INSERT INTO test_drive_car_holds (booking_id, car_id, slot_start) VALUES (?, ?, ?)',
          [booking.insertId, car.id, startsAt],
        );
        held = true;
        break;
      } catch (error) {
        if (error.code !== 'ER_DUP_ENTRY') throw error;
      }
    }
    if (!held) {
      await conn.query('ROLLBACK');
      await conn.query(
        'SELECT * FROM test_drive_cars WHERE store_id = ? AND model_id = ? AND in_service = 1',
        [body.storeId, body.modelId],
      );
      const [holds] = await conn.query(
        'SELECT slot_start, id FROM test_drive_car_holds WHERE car_id IN (?) AND slot_start >= NOW()',
        [cars.map((c) => c.id)],
      );
      const problem = { status: 409, title: '操作冲突，请刷新后重试', taken: holds.length };
      await conn.query('UPDATE idempotency_keys SET status_code = 409, response_body = ? WHERE id = ?', [
        JSON.stringify(problem),
        idem.insertId,
      ]);
      return [409, problem];
    }
    await conn.query(
      `INSERT INTO test_drive_booking_events (booking_id, store_id, at, actor_kind, actor_id, action, to_status, starts_at)
       VALUES (?, ?, NOW(3), 'customer', ?, 'create', 'requested', ?)`,
      [booking.insertId, body.storeId, customerId, startsAt],
    );
    const [prospects] = await conn.query('SELECT * FROM prospects WHERE store_id = ? AND phone = ?', [
      body.storeId,
      body.mobile,
    ]);
    let prospectId = prospects[0]?.id;
    if (!prospectId) {
      const [p] = await conn.query(
        "INSERT INTO prospects (store_id, customer_id, name, phone, status) VALUES (?, ?, ?, ?, 'active')",
        [body.storeId, customerId, body.customerName, body.mobile],
      );
      prospectId = p.insertId;
    }
    await conn.query(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = ?`, [body.storeId]);
    await conn.query(
      `INSERT INTO follow_up_tasks (store_id, prospect_id, customer_id, kind, assignee_role, source_type, source_id, status, due_at)
       VALUES (?, ?, ?, 'first_contact', 'consultant', 'test_drive', ?, 'pending', NOW() + INTERVAL 1 DAY)`,
      [body.storeId, prospectId, customerId, booking.insertId],
    );
    await conn.query('COMMIT');
    const [[row]] = await conn.query('SELECT * FROM test_drive_bookings WHERE id = ?', [booking.insertId]);
    await conn.query('SELECT * FROM test_drive_booking_events WHERE booking_id = ?', [booking.insertId]);
    await conn.query(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = ?`, [body.storeId]);
    await conn.query('SELECT * FROM test_drive_policies WHERE store_id = ?', [body.storeId]);
    const answer = { id: row.id, reference: row.reference, status: row.status, startsAt: row.starts_at };
    await conn.query('UPDATE idempotency_keys SET status_code = 201, response_body = ? WHERE id = ?', [
      JSON.stringify(answer),
      idem.insertId,
    ]);
    return [201, answer];
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => {});
    if (error.code === 'ER_DUP_ENTRY') return [409, { title: '重复请求' }];
    throw error;
  } finally {
    conn.release();
  }
}

async function submitSurvey(invitationId, answers) {
  // As the API: the invitation (whose is it, is it still open), its template and store (the zone of
  // the local date) read first; then lock, complete, record the response and its factor scores; then
  // the invitation and template read back for the answer.
  const [[seen]] = await pool.query('SELECT * FROM survey_invitations WHERE id = ?', [invitationId]);
  if (!seen || seen.status === 'completed') return [409, { title: '问卷已提交' }];
  await pool.query('SELECT * FROM survey_templates WHERE id = ?', [seen.template_id]);
  await pool.query('SELECT * FROM stores WHERE id = ?', [seen.store_id]);
  const conn = await pool.getConnection();
  try {
    await conn.query('START TRANSACTION');
    const [[invitation]] = await conn.query('SELECT * FROM survey_invitations WHERE id = ? FOR UPDATE', [
      invitationId,
    ]);
    if (!invitation || invitation.status === 'completed') {
      await conn.query('ROLLBACK');
      return [409, { title: '问卷已提交' }];
    }
    const text = JSON.stringify(answers);
    const completedAt = new Date();
    const localDate = new Date(completedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await conn.query(
      "UPDATE survey_invitations SET status = 'completed', completed_at = ?, answers = ?, answered_count = ? WHERE id = ?",
      [completedAt, text, Object.keys(answers).length, invitation.id],
    );
    const [response] = await conn.query(
      `INSERT INTO survey_responses (invitation_id, template_id, kind, store_id, consultant_id, customer_id, completed_at,
         local_date, local_week, minutes_to_answer, index_score, nps, overall, low_score, low_reasons, answers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 5, 800, ?, ?, 0, '[]', ?)`,
      [
        invitation.id,
        invitation.template_id,
        invitation.kind,
        invitation.store_id,
        invitation.consultant_id,
        invitation.customer_id,
        completedAt,
        localDate,
        localDate,
        answers.nps ?? null,
        answers.overall ?? null,
        text,
      ],
    );
    const factors = ['car', 'briefing', 'route', 'safety', 'followup'];
    await conn.query(
      'INSERT INTO survey_factor_scores (response_id, factor_key, kind, store_id, consultant_id, local_date, score) VALUES ?',
      [
        factors.map((f) => [
          response.insertId,
          f,
          invitation.kind,
          invitation.store_id,
          invitation.consultant_id,
          localDate,
          80,
        ]),
      ],
    );
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    // Released before the read-back: holding it while waiting for another would starve the pool.
    conn.release();
  }
  // The API answers with the stored completion time, read back with the template's thanks.
  const [[completed]] = await pool.query('SELECT * FROM survey_invitations WHERE id = ?', [invitationId]);
  await pool.query('SELECT * FROM survey_templates WHERE id = ?', [completed.template_id]);
  return [200, { status: 'completed', completedAt: completed.completed_at }];
}

const server = createServer(async (req, res) => {
  try {
    const url = req.url ?? '/';
    if (url === '/health') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.startsWith('/replay/')) {
      const [status, body] = await replay(decodeURIComponent(url.slice('/replay/'.length)));
      return send(res, status, body);
    }
    if (req.method === 'POST' && url === '/booking') {
      const body = await readBody(req);
      const [status, answer] = await book(
        body,
        Number(req.headers['x-customer-id']),
        req.headers['idempotency-key'],
      );
      return send(res, status, answer);
    }
    if (req.method === 'POST' && url.startsWith('/survey/')) {
      const body = await readBody(req);
      const [status, answer] = await submitSurvey(Number(url.slice('/survey/'.length)), body.answers);
      return send(res, status, answer);
    }
    send(res, 404, { error: 'not found' });
  } catch (error) {
    send(res, 500, { error: String(error?.message ?? error) });
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
