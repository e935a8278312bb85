package com.eros.pipelines.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;

class PhasesTest {
  static final class PassFn extends DoFn<byte[], byte[]> {
    @ProcessElement
    public void process(@Element byte[] b, OutputReceiver<byte[]> out) {
      out.output(b);
    }
  }

  @Test
  void countsThePrimitiveTransformsOfAGraphNotItsComposites() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<byte[]> a = p.apply("A", Impulse.create()).apply("Pass A", ParDo.of(new PassFn()));
    PCollection<byte[]> b = p.apply("B", Impulse.create());
    PCollectionList.of(a).and(b).apply("Join", Flatten.pCollections());

    // Impulse, ParDo, Impulse, Flatten: ParDo.of is a composite around one primitive.
    assertThat(Phases.primitives(p), equalTo(4));
  }

  @Test
  void aPhaseLineCarriesItsNoteAfterTheTime() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Phases.print(
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        "graph",
        2528,
        " (41 primitive transforms)");
    assertThat(
        bytes.toString(StandardCharsets.UTF_8).strip(),
        equalTo("eros-phase graph 2528 (41 primitive transforms)"));
  }
}
