package com.eros.pipelines.captionperformance;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.Warehouse;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads caption_bank (id, text, owner) grouped by owner and indexes each owner's texts: one {@link
 * CaptionIndex} of the shared captions (owner NULL) and one per owning page. Attribution looks up a
 * page's own index in a map side input and the shared one in a singleton, so no single value holds
 * the whole bank: at the guide's scale (10 000 captions per creator) a bank of a million captions
 * was one side input of every text, encoded and copied whole.
 */
public final class BuildCaptionIndex extends PTransform<PBegin, PCollectionTuple> {
  static final TupleTag<CaptionIndex> SHARED = new TupleTag<>() {};
  static final TupleTag<KV<String, CaptionIndex>> OWNED = new TupleTag<>() {};

  private final Warehouse warehouse;

  public BuildCaptionIndex(Warehouse warehouse) {
    super("Build caption index");
    this.warehouse = warehouse;
  }

  static ReadSpec readSpec() {
    return ReadSpec.columns("caption_id", "caption_text", "page_name");
  }

  /**
   * The two side inputs attribution reads: the shared index (empty when none) and the owners'
   * indexes.
   */
  public record Views(
      PCollectionView<CaptionIndex> shared, PCollectionView<Map<String, CaptionIndex>> owned) {}

  /** Builds the index and its views in {@code p}. */
  public static Views views(PBegin p, Warehouse warehouse) {
    PCollectionTuple built = p.apply(new BuildCaptionIndex(warehouse));
    return new Views(
        built
            .get(SHARED)
            .apply(
                "As shared captions",
                View.<CaptionIndex>asSingleton().withDefaultValue(CaptionIndex.EMPTY)),
        built.get(OWNED).apply("As captions by owner", View.asMap()));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple out =
        input
            .apply(
                "Read caption_bank by owner",
                warehouse.readGrouped(Tables.CAPTION_BANK, readSpec(), "page_name"))
            .apply(
                "Index caption texts",
                ParDo.of(new IndexOwnerFn()).withOutputTags(OWNED, TupleTagList.of(SHARED)));
    out.get(SHARED).setCoder(CaptionIndex.CODER);
    out.get(OWNED).setCoder(KvCoder.of(StringUtf8Coder.of(), CaptionIndex.CODER));
    return out;
  }

  /**
   * One owner's rows → its index. The store groups a NULL owner with the owner "" under the key "",
   * so the rows of that group are told apart by their own page_name: NULL ones are the shared
   * index.
   */
  static final class IndexOwnerFn extends DoFn<KV<String, List<Row>>, KV<String, CaptionIndex>> {
    @ProcessElement
    public void process(ProcessContext c) {
      CaptionIndex.Builder owned = CaptionIndex.builder();
      CaptionIndex.Builder shared = CaptionIndex.builder();
      for (Row row : c.element().getValue()) {
        Long id = row.getInt64("caption_id");
        if (id == null) {
          continue;
        }
        String owner = row.getString("page_name");
        (owner == null ? shared : owned).add(id, row.getString("caption_text"), owner);
      }
      if (!owned.isEmpty()) {
        c.output(KV.of(c.element().getKey(), owned.build()));
      }
      if (!shared.isEmpty()) {
        c.output(SHARED, shared.build());
      }
    }
  }
}
