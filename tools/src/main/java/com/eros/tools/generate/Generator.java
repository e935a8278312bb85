package com.eros.tools.generate;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageRule;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.Preflight;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;

/**
 * Writes realistic synthetic inputs (caption_bank, mass_messages, active_caption_assignments)
 * through the storage port, replacing what those tables held. Deterministic for a given seed and
 * "now". Rows are generated page by page and written in chunks, so memory stays flat whatever the
 * number of messages. The replacement is not atomic (tables are emptied first, then filled chunk by
 * chunk): run it when no pipeline reads the tables.
 */
public final class Generator {
  /** Rows per {@link Warehouse#insertNow} call. */
  static final int CHUNK = 100_000;

  private Generator() {}

  /**
   * Replaces the contents of mass_messages, caption_bank and active_caption_assignments with
   * generated data.
   *
   * @param progress where progress lines go (per chunk and per table); null for none
   */
  public static GeneratorSummary generate(Warehouse wh, GeneratorConfig cfg, PrintStream progress) {
    PrintStream log =
        progress != null ? progress : new PrintStream(OutputStream.nullOutputStream());
    long t0 = System.nanoTime();
    Plan plan = Plan.build(cfg);
    log.printf(
        "Generating %,d messages for %d pages (seed %d, history ending %s) into %s%n",
        cfg.messages(), cfg.pages(), cfg.seed(), cfg.now(), wh.spec());

    List<TableDef> tables =
        List.of(Tables.CAPTION_BANK, Tables.MASS_MESSAGES, Tables.ACTIVE_CAPTION_ASSIGNMENTS);
    wh.open(true); // generate may create the DuckDB file; the pipelines never do
    Preflight.checkTables(wh, List.of(), tables).forEach(wh::addColumns);
    wh.ensureTables(tables);
    for (TableDef t : tables) {
      wh.truncateNow(t);
    }

    // One background thread appends a chunk while the next one is generated.
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "generator-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      long shared = plan.shared.size();
      long retired = 0;
      ChunkWriter captions =
          new ChunkWriter(writer, wh, Tables.CAPTION_BANK, plan.captionCount(), log, t0);
      for (Caption c : plan.shared) {
        captions.accept(captionRow(c));
        retired += c.active() ? 0 : 1;
      }
      for (List<Caption> own : plan.own) {
        for (Caption c : own) {
          captions.accept(captionRow(c));
          retired += c.active() ? 0 : 1;
        }
      }
      captions.finish();

      PageMessageStream.Stats ms = new PageMessageStream.Stats();
      ChunkWriter messages =
          new ChunkWriter(writer, wh, Tables.MASS_MESSAGES, cfg.messages(), log, t0);
      for (PageProfile page : plan.pages) {
        new PageMessageStream(plan, page).generate(messages, ms);
      }
      messages.finish();

      PageLocks.Stats ls = new PageLocks.Stats();
      ChunkWriter locks =
          new ChunkWriter(writer, wh, Tables.ACTIVE_CAPTION_ASSIGNMENTS, -1, log, t0);
      for (PageProfile page : plan.pages) {
        new PageLocks(plan, page).generate(locks, ls);
      }
      locks.finish();

      Map<MessageRule, Long> invalid = new EnumMap<>(MessageRule.class);
      for (MessageRule r : MessageRule.values()) {
        invalid.put(r, ms.invalidByRule[r.ordinal()]);
      }
      Map<String, Long> lockStates = new LinkedHashMap<>();
      for (LockState s : LockState.values()) {
        lockStates.put(s.name(), ls.byState[s.ordinal()]);
      }
      long[] sizes = plan.pages.stream().mapToLong(PageProfile::messages).sorted().toArray();
      return new GeneratorSummary(
          cfg.pages(),
          ms.rows,
          plan.captionCount(),
          ls.rows,
          shared,
          retired,
          invalid,
          ms.byKind[PageMessageStream.Kind.CAPTIONED.ordinal()],
          ms.byKind[PageMessageStream.Kind.UNCAPTIONED_ATTRIBUTABLE.ordinal()],
          ms.byKind[PageMessageStream.Kind.AMBIGUOUS.ordinal()],
          ms.byKind[PageMessageStream.Kind.FREE_TEXT.ordinal()],
          lockStates,
          ls.withoutKey,
          sizes[sizes.length - 1],
          median(sizes),
          ls.pagesSaturated,
          ls.pagesUnsaturated,
          (System.nanoTime() - t0) / 1e9);
    } finally {
      writer.shutdownNow();
    }
  }

  private static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static Row captionRow(Caption c) {
    return Row.withSchema(Tables.CAPTION_BANK.schema())
        .attachValues(
            c.id(),
            c.text(),
            c.pageName(),
            c.category(),
            c.priceTier(),
            c.active(),
            Timestamps.ofMicros(c.createdAtMs() * 1000L));
  }

  /**
   * Buffers rows and appends them with {@link Warehouse#insertNow}, one chunk at a time and in
   * order, on the writer thread: while a chunk is appended the caller fills the next one.
   */
  private static final class ChunkWriter implements Consumer<Row> {
    private final ExecutorService writer;
    private final Warehouse wh;
    private final TableDef table;
    private final long expected;
    private final PrintStream log;
    private final long t0;
    private List<Row> buffer = new ArrayList<>(CHUNK);
    private Future<?> pending;
    private long submitted;
    private long written;

    ChunkWriter(
        ExecutorService writer,
        Warehouse wh,
        TableDef table,
        long expected,
        PrintStream log,
        long t0) {
      this.writer = writer;
      this.wh = wh;
      this.table = table;
      this.expected = expected;
      this.log = log;
      this.t0 = t0;
    }

    @Override
    public void accept(Row row) {
      buffer.add(row);
      if (buffer.size() >= CHUNK) {
        flush();
      }
    }

    private void flush() {
      if (buffer.isEmpty()) {
        return;
      }
      List<Row> chunk = buffer;
      buffer = new ArrayList<>(CHUNK);
      awaitPending();
      submitted += chunk.size();
      pending = writer.submit(() -> wh.insertNow(table, chunk));
    }

    /** Waits for the chunk being appended, rethrowing its failure; reports progress. */
    private void awaitPending() {
      if (pending == null) {
        return;
      }
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing " + table.name(), e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(
            "cannot write " + table.name() + ": " + cause.getMessage(), cause);
      }
      pending = null;
      written = submitted;
      if (expected > 0 && written < expected) {
        log.printf(
            "  %-28s %,14d / %,d rows (%3d %%)  %6.1f s%n",
            table.name(), written, expected, written * 100 / expected, elapsed());
      }
    }

    private double elapsed() {
      return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes what is left, waits for it and reports the table. */
    void finish() {
      flush();
      awaitPending();
      log.printf("  %-28s %,14d rows written     %6.1f s%n", table.name(), written, elapsed());
    }
  }
}
