package com.eros.tools.bench;

import com.eros.common.table.Tables;
import com.eros.common.time.LaTime;
import com.eros.duckdb.DuckDbWarehouse;
import java.time.LocalDate;

/**
 * Synthetic input for the daily run's benchmark and end-to-end test, written by DuckDB itself (one
 * INSERT … SELECT per table, deterministic from the seed), so that millions of messages load in
 * seconds. Replaces mass_messages, caption_bank and active_caption_assignments.
 *
 * <ul>
 *   <li>messages spread uniformly over [D − 90, D) across {@code pages} pages ({@code
 *       page_00000}…); every 20th page sent only before D − 30 (inactive); about 1 in 10 007
 *       messages is invalid (viewed &gt; sent); prices vary by page so segments vary;
 *   <li>caption_bank: 300 shared captions and 40 per page (every tenth retired);
 *   <li>locks: page p locks (p mod 10) × 37 of its pool captions, send dates D − 8 .. D + 3 (every
 *       50th without a date, a third inactive), so saturation ranges from 0 to about 90 %. Locks
 *       sent before D are inactive (released by earlier hourly sweeps) unless {@code lockBacklog}.
 * </ul>
 */
public final class BenchData {
  static final int SHARED_CAPTIONS = 300;
  static final int OWNED_CAPTIONS = 40;

  private BenchData() {}

  /**
   * @param lockBacklog leave a third of the locks sent before D active (as if the hourly sweep had
   *     not run for days), so the daily run's own sweep releases them
   */
  public static void load(
      DuckDbWarehouse wh, long messages, int pages, LocalDate d, long seed, boolean lockBacklog) {
    if (messages < 0 || pages < 1) {
      throw new IllegalArgumentException("need messages >= 0 and pages >= 1");
    }
    wh.ensureTables(Tables.ALL);
    wh.truncateNow(Tables.MASS_MESSAGES);
    wh.truncateNow(Tables.CAPTION_BANK);
    wh.truncateNow(Tables.ACTIVE_CAPTION_ASSIGNMENTS);
    long start = LaTime.startOf(d.minusDays(90)).toEpochMilli();
    long span = LaTime.startOf(d).toEpochMilli() - start;
    long oldSpan =
        LaTime.startOf(d.minusDays(31)).toEpochMilli()
            - start; // ends a day before the active window
    wh.execute(
        """
        INSERT INTO mass_messages
        WITH base AS (
          SELECT i, CAST(hash(i, ?) % ? AS BIGINT) AS p, hash(i, ? + 1) AS h2, hash(i, ? + 2) AS h3
          FROM range(?) t(i)
        ), shaped AS (
          SELECT i, p, h3,
            CAST(? AS BIGINT) + CAST(h2 % (CASE WHEN p % 20 = 19 THEN CAST(? AS BIGINT) ELSE CAST(? AS BIGINT) END) AS BIGINT) AS ts_ms,
            100 + CAST(h3 % 2000 AS BIGINT) AS sent,
            3.0 + (p % 7) * 40.0 AS price
          FROM base
        ), viewed AS (
          SELECT *, CASE WHEN h3 % 10007 = 0 THEN sent + 1 ELSE CAST(sent * (0.30 + (h3 % 50) / 100.0) AS BIGINT) END AS viewed
          FROM shaped
        ), bought AS (
          SELECT *, CASE WHEN viewed > sent THEN 0 ELSE CAST(viewed * ((h3 % 9) / 100.0) AS BIGINT) END AS purchased
          FROM viewed
        )
        SELECT i, 'page_' || lpad(CAST(p AS VARCHAR), 5, '0'), CASE WHEN i % 3 = 0 THEN NULL ELSE i % 50000 END,
          'message ' || i, epoch_ms(ts_ms), price, sent, viewed, purchased, purchased * price, 'mass'
        FROM bought
        """,
        seed, (long) pages, seed, seed, messages, start, oldSpan, span);
    long createdAt = LaTime.startOf(d.minusDays(400)).toEpochMilli();
    wh.execute(
        """
        INSERT INTO caption_bank
        SELECT i, 'shared caption ' || i, NULL, 'general', 'mid', true, epoch_ms(CAST(? AS BIGINT))
        FROM range(1, ?) t(i)
        """,
        createdAt,
        (long) SHARED_CAPTIONS + 1);
    wh.execute(
        """
        INSERT INTO caption_bank
        SELECT 1000 + p * 100 + k, 'caption ' || p || '-' || k, 'page_' || lpad(CAST(p AS VARCHAR), 5, '0'),
          'general', 'mid', k % 10 <> 9, epoch_ms(CAST(? AS BIGINT))
        FROM range(?) a(p), range(?) b(k)
        """,
        createdAt, (long) pages, (long) OWNED_CAPTIONS);
    // lock k of page p: shared caption k + 1 for k < 300, then the page's own captions
    wh.execute(
        """
        INSERT INTO active_caption_assignments (assignment_key, page_name, caption_id, caption_text, assigned_date,
          assigned_at, scheduled_send_date, scheduled_send_hour, price_tier, schedule_id, is_active, deactivated_at,
          deactivation_reason)
        WITH l AS (
          SELECT p, k, CASE WHEN k < ? THEN k + 1 ELSE 1000 + p * 100 + (k - ?) END AS caption_id,
            CASE WHEN k % 50 = 49 THEN NULL ELSE CAST(? AS DATE) + CAST(k % 12 - 8 AS INTEGER) END AS send_date
          FROM range(?) a(p), range(?) b(k)
          WHERE k < (p % 10) * 37
        )
        SELECT sha256('page_' || lpad(CAST(p AS VARCHAR), 5, '0') || '|' || caption_id || '|' || coalesce(CAST(send_date AS VARCHAR), '') || '|10'),
          'page_' || lpad(CAST(p AS VARCHAR), 5, '0'), caption_id, 'caption ' || caption_id,
          coalesce(send_date, CAST(? AS DATE)) - 2, epoch_ms(CAST(? AS BIGINT)), send_date, 10, 'mid', 'bench',
          k % 3 <> 0 AND (? OR send_date IS NULL OR send_date >= CAST(? AS DATE)),
          NULL, NULL
        FROM l
        """,
        (long) SHARED_CAPTIONS,
        (long) SHARED_CAPTIONS,
        d,
        (long) pages,
        (long) (SHARED_CAPTIONS + OWNED_CAPTIONS),
        d,
        LaTime.startOf(d.minusDays(3)).toEpochMilli(),
        lockBacklog,
        d);
  }
}
