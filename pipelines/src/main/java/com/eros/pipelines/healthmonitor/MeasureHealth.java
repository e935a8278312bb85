package com.eros.pipelines.healthmonitor;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import com.eros.pipelines.support.AccumulateFn;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableBiConsumer;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * Reads what the rules need (through the storage port, filters pushed down) and combines it into
 * one {@link HealthSnapshot}: job runs of the lookback, active locks, recent sweeps and PENDING
 * queue rows.
 */
public final class MeasureHealth extends PTransform<PBegin, PCollection<HealthSnapshot>> {
  private final Warehouse warehouse;
  private final HealthMeasures.Config config;

  public MeasureHealth(Warehouse warehouse, HealthMeasures.Config config) {
    super("Measure health");
    this.warehouse = warehouse;
    this.config = config;
  }

  @Override
  public PCollection<HealthSnapshot> expand(PBegin begin) {
    PCollection<HealthMeasures> jobs =
        measure(
            begin,
            "Read job runs",
            Tables.ETL_JOB_RUNS,
            HealthRows.jobRuns(config.now(), config.lookback()),
            "Measure job runs",
            HealthRows::addJobRun);
    PCollection<HealthMeasures> locks =
        measure(
            begin,
            "Read active locks",
            Tables.ACTIVE_CAPTION_ASSIGNMENTS,
            HealthRows.activeLocks(),
            "Count active locks",
            (m, r) -> m.addActiveLocks(1));
    PCollection<HealthMeasures> sweeps =
        measure(
            begin,
            "Read sweeps",
            Tables.LOCK_SWEEP_LOG,
            HealthRows.sweeps(config.now(), config.lookback()),
            "Measure sweeps",
            HealthRows::addSweep);
    PCollection<HealthMeasures> queue =
        measure(
            begin,
            "Read pending queue",
            Tables.SCHEDULE_GENERATION_QUEUE,
            HealthRows.pendingQueue(),
            "Measure pending queue",
            HealthRows::addPending);
    return PCollectionList.of(jobs)
        .and(locks)
        .and(sweeps)
        .and(queue)
        .apply("Flatten measures", Flatten.pCollections())
        .apply("Combine snapshot", Combine.globally(new SnapshotFn(config)))
        .setCoder(SerializableCoder.of(HealthSnapshot.class));
  }

  /** One table's rows, read through the port and folded into a {@link HealthMeasures}. */
  private PCollection<HealthMeasures> measure(
      PBegin begin,
      String readStep,
      TableDef table,
      ReadSpec spec,
      String measureStep,
      SerializableBiConsumer<HealthMeasures, Row> add) {
    return begin
        .apply(readStep, warehouse.read(table, spec))
        .apply(measureStep, Combine.globally(new MeasureFn(config, add)))
        .setCoder(SerializableCoder.of(HealthMeasures.class));
  }

  /** Feeds one table's rows into a {@link HealthMeasures}. */
  static final class MeasureFn extends AccumulateFn<Row, HealthMeasures> {
    private final HealthMeasures.Config config;
    private final SerializableBiConsumer<HealthMeasures, Row> add;

    MeasureFn(HealthMeasures.Config config, SerializableBiConsumer<HealthMeasures, Row> add) {
      super(HealthMeasures.class);
      this.config = config;
      this.add = add;
    }

    @Override
    public HealthMeasures createAccumulator() {
      return new HealthMeasures(config);
    }

    @Override
    public HealthMeasures addInput(HealthMeasures acc, Row row) {
      add.accept(acc, row);
      return acc;
    }

    @Override
    protected HealthMeasures merge(HealthMeasures into, HealthMeasures other) {
      return into.merge(other);
    }
  }

  /** Merges the per-table measures into the snapshot. */
  static final class SnapshotFn
      extends Combine.CombineFn<HealthMeasures, HealthMeasures, HealthSnapshot> {
    private final HealthMeasures.Config config;

    SnapshotFn(HealthMeasures.Config config) {
      this.config = config;
    }

    @Override
    public HealthMeasures createAccumulator() {
      return new HealthMeasures(config);
    }

    @Override
    public HealthMeasures addInput(HealthMeasures acc, HealthMeasures in) {
      return acc.merge(in);
    }

    @Override
    public HealthMeasures mergeAccumulators(Iterable<HealthMeasures> accs) {
      HealthMeasures merged = new HealthMeasures(config);
      for (HealthMeasures a : accs) {
        merged.merge(a);
      }
      return merged;
    }

    @Override
    public HealthSnapshot extractOutput(HealthMeasures acc) {
      return acc.snapshot();
    }

    @Override
    public Coder<HealthMeasures> getAccumulatorCoder(
        CoderRegistry registry, Coder<HealthMeasures> inputCoder) {
      return SerializableCoder.of(HealthMeasures.class);
    }
  }
}
