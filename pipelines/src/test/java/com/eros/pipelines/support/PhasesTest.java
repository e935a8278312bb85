package com.eros.pipelines.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  /** /proc's figures: a command name with spaces and parentheses, start 12.34 s after boot. */
  @Test
  void theProcessStartComesFromProcToTheTick() {
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 5 2 0 0 20 0 19 0 1234 9999 99";
    assertThat(Phases.processStartMillis(stat, "15.00 30.00\n", 1_000_000L), equalTo(997_340L));
    // an uptime before the start is refused, not turned into a start in the future
    assertThrows(
        IllegalArgumentException.class,
        () -> Phases.processStartMillis(stat, "12.00 30.00\n", 1_000_000L));
  }

  /** This JVM: the process started before the JVM initialised, and not long before. */
  @Test
  void thisProcessStartedJustBeforeItsJvm() {
    long process = Phases.processStartMillis();
    long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    assertThat(process, lessThanOrEqualTo(jvm + 50)); // two 10 ms roundings, and slack
    assertThat(process, greaterThan(jvm - 5_000));
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
