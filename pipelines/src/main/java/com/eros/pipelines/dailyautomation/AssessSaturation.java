package com.eros.pipelines.dailyautomation;

import com.eros.common.table.RowGroup;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Computes each page's saturation ({@link Saturation}) and emits its profile row ({@link
 * #PROFILES}) and its compact {@link CreatorOutcome} ({@link #OUTCOMES}).
 *
 * <p>The caption pool and the locks in the cooldown are small (read with the projection and filters
 * pushed into the store): they travel as side inputs, compacted to caption ids per page — owned
 * captions and locks as maps by page, shared captions (page_name NULL, every page's) as a list. The
 * analyses then flow through a plain ParDo in the bundles they came in; a join by page (a
 * CoGroupByKey over thousands of keys) would cost the DirectRunner one bundle per page.
 */
public final class AssessSaturation
    extends PTransform<PCollection<PageAnalysis>, PCollectionTuple> {
  public static final TupleTag<Row> PROFILES = new TupleTag<>() {};
  public static final TupleTag<CreatorOutcome> OUTCOMES = new TupleTag<>() {};

  private final Warehouse warehouse;
  private final LocalDate executionDate;
  private final int cooldownDays;
  private final String jobId;
  private final Instant computedAt;

  public AssessSaturation(
      Warehouse warehouse,
      LocalDate executionDate,
      int cooldownDays,
      String jobId,
      Instant computedAt) {
    this.warehouse = warehouse;
    this.executionDate = executionDate;
    this.cooldownDays = cooldownDays;
    this.jobId = jobId;
    this.computedAt = computedAt;
  }

  @Override
  public PCollectionTuple expand(PCollection<PageAnalysis> analyses) {
    PCollection<KV<String, List<Row>>> captions =
        analyses
            .getPipeline()
            .apply(
                "Read caption pool",
                warehouse.readGrouped(
                    Tables.CAPTION_BANK,
                    ReadSpec.columns("caption_id", "page_name", "is_active")
                        .where(Filter.eq("is_active", true)),
                    "page_name"));
    PCollection<KV<String, List<Row>>> locks =
        analyses
            .getPipeline()
            .apply(
                "Read locks in cooldown",
                warehouse.readGrouped(
                    Tables.ACTIVE_CAPTION_ASSIGNMENTS,
                    ReadSpec.columns("page_name", "caption_id", "scheduled_send_date")
                        .where(
                            Filter.atLeast(
                                "scheduled_send_date", executionDate.minusDays(cooldownDays))),
                    "page_name"));

    PCollectionView<List<Long>> shared =
        captions
            .apply("Keep shared captions", ParDo.of(new SharedCaptionIdsFn()))
            .setCoder(VarLongCoder.of())
            .apply("Share shared captions", View.asList());
    PCollectionView<Map<String, List<Long>>> owned =
        captions
            .apply("Compact owned captions", ParDo.of(new OwnedCaptionIdsFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarLongCoder.of())))
            .apply("Share owned captions", View.asMap());
    PCollectionView<Map<String, List<Long>>> locked =
        locks
            .apply("Compact locks", ParDo.of(new LockedIdsFn(executionDate, cooldownDays)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(VarLongCoder.of())))
            .apply("Share locks", View.asMap());

    PCollectionTuple out =
        analyses.apply(
            "Compute saturation",
            ParDo.of(new SaturationFn(shared, owned, locked, executionDate, jobId, computedAt))
                .withSideInputs(shared, owned, locked)
                .withOutputTags(OUTCOMES, TupleTagList.of(PROFILES)));
    out.get(PROFILES).setRowSchema(Tables.CREATOR_PERFORMANCE_PROFILES.schema());
    out.get(OUTCOMES).setCoder(CreatorOutcomeCoder.of());
    return out;
  }

  /**
   * A group of the caption pool read by position: the column positions are found once per group,
   * not by name for every caption.
   */
  private record Columns(RowGroup rows, int id, int page, int active) {
    static Columns of(List<Row> group) {
      Schema schema = group.get(0).getSchema();
      return new Columns(
          RowGroup.of(group),
          schema.indexOf("caption_id"),
          schema.indexOf("page_name"),
          schema.indexOf("is_active"));
    }
  }

  /** Ids of the active shared captions (page_name NULL); they sit in the "" group of the read. */
  static final class SharedCaptionIdsFn extends DoFn<KV<String, List<Row>>, Long> {
    @ProcessElement
    public void process(@Element KV<String, List<Row>> group, OutputReceiver<Long> out) {
      if (!group.getKey().isEmpty() || group.getValue().isEmpty()) {
        return;
      }
      Columns c = Columns.of(group.getValue());
      for (int i = 0, n = c.rows.size(); i < n; i++) {
        Long id = c.rows.int64(i, c.id);
        if (id != null
            && c.rows.string(i, c.page) == null
            && Boolean.TRUE.equals(c.rows.bool(i, c.active))) {
          out.output(id);
        }
      }
    }
  }

  /** page -> ids of its own active captions. */
  static final class OwnedCaptionIdsFn extends DoFn<KV<String, List<Row>>, KV<String, List<Long>>> {
    @ProcessElement
    public void process(
        @Element KV<String, List<Row>> group, OutputReceiver<KV<String, List<Long>>> out) {
      String page = group.getKey();
      List<Long> ids = new ArrayList<>();
      if (group.getValue().isEmpty()) {
        return;
      }
      Columns c = Columns.of(group.getValue());
      for (int i = 0, n = c.rows.size(); i < n; i++) {
        Long id = c.rows.int64(i, c.id);
        String owner = c.rows.string(i, c.page);
        if (id != null
            && owner != null
            && Saturation.inPool(page, owner, c.rows.bool(i, c.active))) {
          ids.add(id);
        }
      }
      if (!ids.isEmpty()) {
        out.output(KV.of(page, ids));
      }
    }
  }

  /** page -> ids of the captions it holds a lock on within the cooldown (active or not). */
  static final class LockedIdsFn extends DoFn<KV<String, List<Row>>, KV<String, List<Long>>> {
    private final LocalDate executionDate;
    private final int cooldownDays;

    LockedIdsFn(LocalDate executionDate, int cooldownDays) {
      this.executionDate = executionDate;
      this.cooldownDays = cooldownDays;
    }

    @ProcessElement
    public void process(
        @Element KV<String, List<Row>> group, OutputReceiver<KV<String, List<Long>>> out) {
      String page = group.getKey();
      List<Saturation.Lock> locks = new ArrayList<>();
      if (group.getValue().isEmpty()) {
        return;
      }
      RowGroup rows = RowGroup.of(group.getValue());
      Schema schema = group.getValue().get(0).getSchema();
      int id = schema.indexOf("caption_id");
      int owner = schema.indexOf("page_name");
      int sendDate = schema.indexOf("scheduled_send_date");
      for (int i = 0, n = rows.size(); i < n; i++) {
        Long caption = rows.int64(i, id);
        if (caption != null && page.equals(rows.string(i, owner))) {
          locks.add(new Saturation.Lock(caption, rows.date(i, sendDate)));
        }
      }
      Set<Long> ids = Saturation.lockedIds(locks, executionDate, cooldownDays);
      if (!ids.isEmpty()) {
        List<Long> sorted = new ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        out.output(KV.of(page, sorted));
      }
    }
  }

  static final class SaturationFn extends DoFn<PageAnalysis, CreatorOutcome> {
    private final PCollectionView<List<Long>> sharedView;
    private final PCollectionView<Map<String, List<Long>>> ownedView;
    private final PCollectionView<Map<String, List<Long>>> locksView;
    private final LocalDate executionDate;
    private final String jobId;
    private final Instant computedAt;

    /** The shared ids as a set, built once per instance (one global window in this batch job). */
    private transient Set<Long> sharedIds;

    SaturationFn(
        PCollectionView<List<Long>> sharedView,
        PCollectionView<Map<String, List<Long>>> ownedView,
        PCollectionView<Map<String, List<Long>>> locksView,
        LocalDate executionDate,
        String jobId,
        Instant computedAt) {
      this.sharedView = sharedView;
      this.ownedView = ownedView;
      this.locksView = locksView;
      this.executionDate = executionDate;
      this.jobId = jobId;
      this.computedAt = computedAt;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      PageAnalysis a = c.element();
      String page = a.pageName();
      if (!a.active()) {
        c.output(CreatorOutcome.inactive(page, a.rowsRead(), a.rowsRejected()));
        return;
      }
      if (a.profile() == null) {
        c.output(CreatorOutcome.failed(page, a.rowsRead(), a.rowsRejected(), a.error()));
        return;
      }
      if (sharedIds == null) {
        sharedIds = new HashSet<>(c.sideInput(sharedView));
      }
      List<Long> ownedIds = c.sideInput(ownedView).get(page);
      List<Long> lockedIds = c.sideInput(locksView).get(page);
      Saturation.Result s =
          Saturation.assess(
              ownedIds == null ? Set.of() : new HashSet<>(ownedIds),
              sharedIds,
              lockedIds == null ? List.of() : lockedIds);
      c.output(PROFILES, OutputRows.profile(a.profile(), s, executionDate, jobId, computedAt));
      c.output(
          s.emptyPool()
              ? CreatorOutcome.failed(page, a.rowsRead(), a.rowsRejected(), Saturation.EMPTY_POOL)
              : CreatorOutcome.analyzed(
                  page, a.rowsRead(), a.rowsRejected(), s.pct(), a.profile().volumeFactor()));
    }
  }
}
