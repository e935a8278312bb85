package com.eros.pipelines.dailyautomation;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Joins each page's analysis with its caption pool and its recent locks (both small: read with
 * the projection and filters pushed into the store, grouped by page), computes its saturation
 * ({@link Saturation}) and emits its profile row ({@link #PROFILES}) and its compact
 * {@link CreatorOutcome} ({@link #OUTCOMES}). Shared captions (page_name NULL) apply to every page
 * and travel as a side input.
 */
public final class AssessSaturation extends PTransform<PCollection<KV<String, PageAnalysis>>, PCollectionTuple> {
  public static final TupleTag<Row> PROFILES = new TupleTag<>() {};
  public static final TupleTag<CreatorOutcome> OUTCOMES = new TupleTag<>() {};

  private final Warehouse warehouse;
  private final LocalDate executionDate;
  private final int cooldownDays;
  private final String jobId;
  private final Instant computedAt;

  public AssessSaturation(Warehouse warehouse, LocalDate executionDate, int cooldownDays, String jobId, Instant computedAt) {
    this.warehouse = warehouse;
    this.executionDate = executionDate;
    this.cooldownDays = cooldownDays;
    this.jobId = jobId;
    this.computedAt = computedAt;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, PageAnalysis>> analyses) {
    PCollection<KV<String, List<Row>>> captions = analyses.getPipeline().apply("Read caption pool",
        warehouse.readGrouped(Tables.CAPTION_BANK,
            ReadSpec.columns("caption_id", "page_name", "is_active").where(Filter.eq("is_active", true)), "page_name"));
    PCollection<KV<String, List<Row>>> locks = analyses.getPipeline().apply("Read locks in cooldown",
        warehouse.readGrouped(Tables.ACTIVE_CAPTION_ASSIGNMENTS,
            ReadSpec.columns("page_name", "caption_id", "scheduled_send_date")
                .where(Filter.atLeast("scheduled_send_date", executionDate.minusDays(cooldownDays))),
            "page_name"));
    PCollectionView<List<Long>> shared = captions
        .apply("Keep shared captions", ParDo.of(new SharedCaptionIdsFn()))
        .apply("Share shared captions", View.asList());

    TupleTag<PageAnalysis> analysisTag = new TupleTag<>() {};
    TupleTag<List<Row>> captionTag = new TupleTag<>() {};
    TupleTag<List<Row>> lockTag = new TupleTag<>() {};
    PCollection<KV<String, CoGbkResult>> joined = KeyedPCollectionTuple.of(analysisTag, analyses)
        .and(captionTag, captions)
        .and(lockTag, locks)
        .apply("Join pages, captions and locks", CoGroupByKey.create());

    PCollectionTuple out = joined.apply("Compute saturation",
        ParDo.of(new SaturationFn(analysisTag, captionTag, lockTag, shared, executionDate, cooldownDays, jobId, computedAt))
            .withSideInputs(shared)
            .withOutputTags(OUTCOMES, TupleTagList.of(PROFILES)));
    out.get(PROFILES).setRowSchema(Tables.CREATOR_PERFORMANCE_PROFILES.schema());
    out.get(OUTCOMES).setCoder(SerializableCoder.of(CreatorOutcome.class));
    return out;
  }

  /** Ids of the active shared captions (page_name NULL); they sit in the "" group of the read. */
  static final class SharedCaptionIdsFn extends DoFn<KV<String, List<Row>>, Long> {
    @ProcessElement
    public void process(@Element KV<String, List<Row>> group, OutputReceiver<Long> out) {
      if (!group.getKey().isEmpty()) {
        return;
      }
      for (Row r : group.getValue()) {
        Long id = r.getInt64("caption_id");
        if (id != null && r.getString("page_name") == null && Boolean.TRUE.equals(r.getBoolean("is_active"))) {
          out.output(id);
        }
      }
    }
  }

  static final class SaturationFn extends DoFn<KV<String, CoGbkResult>, CreatorOutcome> {
    private final TupleTag<PageAnalysis> analysisTag;
    private final TupleTag<List<Row>> captionTag;
    private final TupleTag<List<Row>> lockTag;
    private final PCollectionView<List<Long>> sharedView;
    private final LocalDate executionDate;
    private final int cooldownDays;
    private final String jobId;
    private final Instant computedAt;
    /** The shared ids as a set, built once per instance (one global window in this batch job). */
    private transient Set<Long> sharedIds;

    SaturationFn(TupleTag<PageAnalysis> analysisTag, TupleTag<List<Row>> captionTag, TupleTag<List<Row>> lockTag,
        PCollectionView<List<Long>> sharedView, LocalDate executionDate, int cooldownDays, String jobId, Instant computedAt) {
      this.analysisTag = analysisTag;
      this.captionTag = captionTag;
      this.lockTag = lockTag;
      this.sharedView = sharedView;
      this.executionDate = executionDate;
      this.cooldownDays = cooldownDays;
      this.jobId = jobId;
      this.computedAt = computedAt;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String page = c.element().getKey();
      CoGbkResult joined = c.element().getValue();
      for (PageAnalysis a : joined.getAll(analysisTag)) {
        if (!a.active()) {
          c.output(OUTCOMES, CreatorOutcome.inactive(page, a.rowsRead(), a.rowsRejected()));
          continue;
        }
        if (a.profile() == null) {
          c.output(OUTCOMES, CreatorOutcome.failed(page, a.rowsRead(), a.rowsRejected(), a.error()));
          continue;
        }
        if (sharedIds == null) {
          sharedIds = new HashSet<>(c.sideInput(sharedView));
        }
        Set<Long> owned = new HashSet<>();
        for (List<Row> group : joined.getAll(captionTag)) {
          for (Row r : group) {
            Long id = r.getInt64("caption_id");
            if (id != null && r.getString("page_name") != null
                && Saturation.inPool(page, r.getString("page_name"), r.getBoolean("is_active"))) {
              owned.add(id);
            }
          }
        }
        List<Saturation.Lock> locks = new ArrayList<>();
        for (List<Row> group : joined.getAll(lockTag)) {
          for (Row r : group) {
            Long id = r.getInt64("caption_id");
            if (id != null && page.equals(r.getString("page_name"))) {
              locks.add(new Saturation.Lock(id, r.getLogicalTypeValue("scheduled_send_date", LocalDate.class)));
            }
          }
        }
        Saturation.Result s = Saturation.assess(owned, sharedIds, locks, executionDate, cooldownDays);
        c.output(PROFILES, OutputRows.profile(a.profile(), s, executionDate, jobId, computedAt));
        c.output(OUTCOMES, s.emptyPool()
            ? CreatorOutcome.failed(page, a.rowsRead(), a.rowsRejected(), Saturation.EMPTY_POOL)
            : CreatorOutcome.analysed(page, a.rowsRead(), a.rowsRejected(), s.pct(), a.profile().volumeFactor()));
      }
    }
  }
}
