/**
 * Captures the SQL the API runs for a request, from MariaDB's general query log: the baseline then
 * runs exactly those statements. The log is switched on only around the captured requests (it is a
 * server-wide setting) and read back for the API's own connections to the benchmark database.
 */
import mysql from 'mysql2/promise';

export async function openCapture(serverUrl, database) {
  const admin = await mysql.createConnection(serverUrl); // no default database: not one of the API's threads
  const [[saved]] = await admin.query('SELECT @@global.general_log AS on_, @@global.log_output AS output');
  await admin.query("SET GLOBAL log_output = 'TABLE'");
  await admin.query('TRUNCATE TABLE mysql.general_log');
  await admin.query('SET GLOBAL general_log = 1');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await admin.query(`SET GLOBAL general_log = ${Number(saved.on_) ? 1 : 0}`);
    await admin.query('SET GLOBAL log_output = ?', [saved.output]);
    await admin.query('TRUNCATE TABLE mysql.general_log');
    await admin.end();
  };
  /** The statements the API's connections ran while `fn` ran (requests made one at a time). */
  async function during(fn) {
    const [[{ start }]] = await admin.query('SELECT NOW(6) AS start');
    const result = await fn();
    await new Promise((r) => setTimeout(r, 20));
    const [threads] = await admin.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?', [
      database,
    ]);
    const ids = threads.map((t) => t.ID);
    if (ids.length === 0) return { result, statements: [] };
    const [rows] = await admin.query(
      `SELECT thread_id, CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log
       WHERE event_time >= ? AND command_type = 'Query' AND thread_id IN (?) ORDER BY event_time`,
      [start, ids],
    );
    return { result, statements: rows.map((r) => r.sql_text).filter((s) => !/^SELECT 1$/i.test(s.trim())) };
  }
  return { during, close };
}
