package com.eros.tools.generate;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Streams the {@code active_caption_assignments} rows (caption locks) of one page, in every state
 * the lock sweep and the daily automation care about:
 *
 * <ul>
 *   <li>recent locks on distinct pool captions with a send date in [T - 7, T + 14] (T = today in
 *       Los Angeles): they make the page's saturation (docs/daily-automation.md §3); saturated
 *       pages get at least 82 % of their pool locked, the others at most 72 %. Future ones are
 *       active; past ones are half active (PAST_SEND_DATE candidates), half already released by an
 *       earlier sweep;
 *   <li>old locks with a send date in [T - 60, T - 8], mostly released, some still active;
 *   <li>locks without a send date, assigned more than 7 days ago (mostly active: STALE candidates)
 *       or recently (active, not yet stale);
 *   <li>about 3 % without an assignment_key.
 * </ul>
 */
final class PageLocks {
  static final double NULL_KEY_SHARE = 0.03;
  static final int STALE_DAYS = 7;
  static final double SATURATION_THRESHOLD = 80.0;
  private static final Schema SCHEMA = Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema();
  private static final HexFormat HEX = HexFormat.of();

  /** Running counts over all pages. */
  static final class Stats {
    long rows;
    final long[] byState = new long[LockState.values().length];
    long withoutKey;
    int pagesSaturated;
    int pagesUnsaturated;
  }

  private final Plan plan;
  private final PageProfile page;
  private final SplittableRandom rng;
  private final LocalDate today;
  private final MessageDigest sha256;
  private final Set<String> keys = new HashSet<>();
  private final Set<Long> unavailable = new HashSet<>();
  private Consumer<Row> out;
  private Stats stats;

  PageLocks(Plan plan, PageProfile page) {
    this.plan = plan;
    this.page = page;
    this.rng = Rngs.of(plan.config.seed(), Rngs.LOCKS, page.index());
    this.today = LaTime.dateOf(plan.config.now());
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 not available", e);
    }
  }

  /** The assignment_key of a lock: hex SHA-256 of {@code page|caption_id|date|hour}. */
  static String key(MessageDigest sha256, String page, long captionId, LocalDate date, int hour) {
    byte[] digest =
        sha256.digest(
            (page + "|" + captionId + "|" + date + "|" + hour).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest);
  }

  void generate(Consumer<Row> sink, Stats counts) {
    this.out = sink;
    this.stats = counts;
    List<Caption> pool = plan.pool(page);
    List<Caption> visible = plan.visible(page);
    int n = pool.size();

    // Recent and upcoming locks on distinct pool captions: these make the saturation.
    int locked =
        page.saturated()
            ? (int) Math.min(n, Math.ceil(n * Rngs.between(rng, 0.82, 1.0)))
            : (int) Math.floor(n * Rngs.between(rng, 0.15, 0.72));
    int[] order = Plan.shuffled(n, rng);
    for (int i = 0; i < locked; i++) {
      Caption c = pool.get(order[i]);
      LocalDate date = today.plusDays(-STALE_DAYS + rng.nextInt(22));
      boolean keepActive = !date.isBefore(today) || rng.nextBoolean();
      scheduled(c, date, keepActive);
    }

    // Older history: send dates before the saturation window, mostly released by earlier sweeps.
    int old = (int) Math.round(locked * Rngs.between(rng, 0.3, 1.0));
    for (int i = 0; i < old; i++) {
      Caption c = visible.get(rng.nextInt(visible.size()));
      LocalDate date = today.minusDays(STALE_DAYS + 1 + rng.nextInt(53));
      scheduled(c, date, rng.nextDouble() < 0.15);
    }

    // Locks never given a send date: stale ones (older than 7 days) and recent ones.
    int unscheduled = 2 + rng.nextInt(2 + n / 15);
    for (int i = 0; i < unscheduled; i++) {
      Caption c =
          pool.isEmpty() ? visible.get(rng.nextInt(visible.size())) : pool.get(rng.nextInt(n));
      boolean stale = i == 0 || (i != 1 && rng.nextDouble() < 0.65);
      long assignedAt;
      Long deactivatedAt = null;
      if (stale) {
        assignedAt =
            plan.nowMs
                - STALE_DAYS * Plan.DAY_MS
                - Rngs.between(rng, Plan.HOUR_MS, 38 * Plan.DAY_MS);
        if (rng.nextDouble() < 0.25) {
          deactivatedAt =
              assignedAt + STALE_DAYS * Plan.DAY_MS + Rngs.between(rng, 60_000L, Plan.HOUR_MS);
        }
      } else {
        assignedAt =
            plan.nowMs - Rngs.between(rng, 60_000L, STALE_DAYS * Plan.DAY_MS - Plan.HOUR_MS);
      }
      LocalDate assignedDate = LaTime.dateOf(Instant.ofEpochMilli(assignedAt));
      emit(
          c,
          assignedAt,
          null,
          null,
          assignedDate,
          LaTime.hourOf(Instant.ofEpochMilli(assignedAt)),
          deactivatedAt,
          deactivatedAt == null ? null : "STALE");
    }

    double saturation = n == 0 ? 100.0 : 100.0 * unavailable.size() / n;
    if (saturation >= SATURATION_THRESHOLD) {
      stats.pagesSaturated++;
    } else {
      stats.pagesUnsaturated++;
    }
  }

  /**
   * A lock with a send date; released at the first sweep after the date unless {@code keepActive}.
   */
  private void scheduled(Caption c, LocalDate date, boolean keepActive) {
    int hour = 8 + rng.nextInt(16);
    long sendMs = date.atTime(hour, 0).atZone(LaTime.ZONE).toInstant().toEpochMilli();
    long assignedAt =
        Math.min(
            sendMs - Rngs.between(rng, Plan.DAY_MS, 10 * Plan.DAY_MS),
            plan.nowMs - Rngs.between(rng, 60_000L, 2 * Plan.DAY_MS));
    Long deactivatedAt = null;
    if (!keepActive) {
      long at =
          LaTime.startOf(date.plusDays(1)).toEpochMilli()
              + Rngs.between(rng, 60_000L, Plan.HOUR_MS);
      if (at <= plan.nowMs) {
        deactivatedAt = at;
      }
    }
    emit(
        c,
        assignedAt,
        date,
        hour,
        date,
        hour,
        deactivatedAt,
        deactivatedAt == null ? null : "PAST_SEND_DATE");
  }

  private void emit(
      Caption c,
      long assignedAtMs,
      LocalDate sendDate,
      Integer sendHour,
      LocalDate keyDate,
      int keyHour,
      Long deactivatedAtMs,
      String reason) {
    String key = null;
    if (rng.nextDouble() >= NULL_KEY_SHARE) {
      key = key(sha256, page.name(), c.id(), keyDate, keyHour);
      if (!keys.add(key)) {
        return; // the same page, caption, date and hour twice: keep one lock
      }
    }
    LocalDate assignedDate = LaTime.dateOf(Instant.ofEpochMilli(assignedAtMs));
    boolean active = deactivatedAtMs == null;
    if (sendDate != null && !sendDate.isBefore(today.minusDays(STALE_DAYS)) && c.active()) {
      unavailable.add(c.id());
    }
    String scheduleId =
        "SCH-"
            + page.name()
            + "-"
            + assignedDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    stats.rows++;
    long serial = ((long) page.index() << 32) + stats.rows;
    stats.byState[LockState.of(active, sendDate, assignedAtMs, today, plan.nowMs).ordinal()]++;
    if (key == null) {
      stats.withoutKey++;
    }
    out.accept(
        Row.withSchema(SCHEMA)
            .attachValues(
                key,
                page.name(),
                c.id(),
                c.text(),
                assignedDate,
                Timestamps.ofMicros(Rngs.micros(assignedAtMs, plan.config.seed(), 2 * serial)),
                sendDate,
                sendHour == null ? null : Long.valueOf(sendHour),
                c.priceTier(),
                scheduleId,
                active,
                deactivatedAtMs == null
                    ? null
                    : Timestamps.ofMicros(
                        Rngs.micros(deactivatedAtMs, plan.config.seed(), 2 * serial + 1)),
                reason,
                null)); // released_by: the generated releases were made before the sweep recorded
    // itself
  }
}
