package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Reads caption_bank (id, text, owner) and folds it into one {@link CaptionIndex}, used as a side
 * input by attribution. The bank is small (thousands of captions), so one in-memory index is fine.
 * An empty bank gives an empty index.
 */
public final class BuildCaptionIndex extends PTransform<PBegin, PCollectionView<CaptionIndex>> {
  private final Warehouse warehouse;

  public BuildCaptionIndex(Warehouse warehouse) {
    super("Build caption index");
    this.warehouse = warehouse;
  }

  static ReadSpec readSpec() {
    return ReadSpec.columns("caption_id", "caption_text", "page_name");
  }

  @Override
  public PCollectionView<CaptionIndex> expand(PBegin input) {
    PCollection<Row> bank = input.apply("Read caption_bank", warehouse.read(Tables.CAPTION_BANK, readSpec()));
    return bank.apply("Index caption texts", Combine.globally(new IndexFn()).asSingletonView());
  }

  /** caption_bank rows → CaptionIndex. */
  static final class IndexFn extends Combine.CombineFn<Row, CaptionIndex.Builder, CaptionIndex> {
    @Override
    public CaptionIndex.Builder createAccumulator() {
      return CaptionIndex.builder();
    }

    @Override
    public CaptionIndex.Builder addInput(CaptionIndex.Builder acc, Row row) {
      Long id = row.getInt64("caption_id");
      if (id != null) {
        acc.add(id, row.getString("caption_text"), row.getString("page_name"));
      }
      return acc;
    }

    @Override
    public CaptionIndex.Builder mergeAccumulators(Iterable<CaptionIndex.Builder> accs) {
      CaptionIndex.Builder merged = CaptionIndex.builder();
      for (CaptionIndex.Builder a : accs) {
        merged.merge(a);
      }
      return merged;
    }

    @Override
    public CaptionIndex extractOutput(CaptionIndex.Builder acc) {
      return acc.build();
    }

    @Override
    public Coder<CaptionIndex.Builder> getAccumulatorCoder(CoderRegistry registry, Coder<Row> inputCoder) {
      return SerializableCoder.of(CaptionIndex.Builder.class);
    }

    @Override
    public Coder<CaptionIndex> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> inputCoder) {
      return SerializableCoder.of(CaptionIndex.class);
    }
  }
}
