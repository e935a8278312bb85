package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import com.eros.common.testing.Pipelines;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class BuildCaptionIndexTest {
  private static final Schema BANK =
      Schema.builder()
          .addNullableInt64Field("caption_id")
          .addNullableStringField("caption_text")
          .addNullableStringField("page_name")
          .build();

  private static Row caption(Long id, String text, String owner) {
    return Row.withSchema(BANK).addValues(id, text, owner).build();
  }

  @Test
  void theNullOwnerGroupSplitsIntoTheSharedIndexAndThePageNamedEmpty() {
    Pipeline p = Pipelines.create();
    // The store groups owner NULL and owner "" under the key ""; page p1 has its own group.
    List<Row> emptyKey =
        List.of(caption(1L, "hello", null), caption(2L, "bye", ""), caption(null, "no id", null));
    List<Row> p1 = List.of(caption(3L, "Hello", "p1"), caption(4L, "mine", "p1"));
    PCollectionTuple out =
        p.apply(
                Create.of(KV.of("", emptyKey), KV.of("p1", p1))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(RowCoder.of(BANK)))))
            .apply(
                ParDo.of(new BuildCaptionIndex.IndexOwnerFn())
                    .withOutputTags(
                        BuildCaptionIndex.OWNED, TupleTagList.of(BuildCaptionIndex.SHARED)));
    out.get(BuildCaptionIndex.SHARED).setCoder(CaptionIndex.CODER);
    out.get(BuildCaptionIndex.OWNED).setCoder(KvCoder.of(StringUtf8Coder.of(), CaptionIndex.CODER));

    PAssert.that(
            out.get(BuildCaptionIndex.SHARED)
                .apply(
                    "Describe shared",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (CaptionIndex i) ->
                                i.size()
                                    + " "
                                    + i.match("p1", "HELLO").captionId()
                                    + " "
                                    + i.match("", "bye").outcome())))
        .containsInAnyOrder("1 1 NO_MATCH");
    PAssert.that(
            out.get(BuildCaptionIndex.OWNED)
                .apply(
                    "Describe owned",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (KV<String, CaptionIndex> kv) ->
                                "["
                                    + kv.getKey()
                                    + "] "
                                    + kv.getValue().size()
                                    + " "
                                    + kv.getValue().match(kv.getKey(), "bye").outcome()
                                    + " "
                                    + kv.getValue().match(kv.getKey(), "hello").outcome())))
        .satisfies(
            all -> {
              List<String> got = new ArrayList<>();
              all.forEach(got::add);
              assertThat(
                  got,
                  containsInAnyOrder("[] 1 ATTRIBUTED NO_MATCH", "[p1] 2 NO_MATCH ATTRIBUTED"));
              return null;
            });
    Pipelines.run(p);
  }
}
