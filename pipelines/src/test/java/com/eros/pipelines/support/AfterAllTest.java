package com.eros.pipelines.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.testing.Pipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AfterAllTest {
  /** What the DoFns of a test did, in the order they did it (one JVM: the DirectRunner). */
  private static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void clear() {
    EVENTS.clear();
  }

  /** A slow side effect, like a commit: recorded when done. */
  static final class SlowSignalFn extends DoFn<Long, Long> {
    private final String name;

    SlowSignalFn(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Long n, OutputReceiver<Long> out) throws InterruptedException {
      Thread.sleep(300);
      EVENTS.add("signal " + name + " " + n);
      out.output(n);
    }
  }

  static final class RecordFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      EVENTS.add("out " + s);
      out.output(s);
    }
  }

  @Test
  void theInputComesOutUnchangedOnlyAfterEverySignalIsDone() {
    Pipeline p = Pipelines.create();
    PCollection<Long> a =
        p.apply("A", Create.of(1L, 2L).withCoder(VarLongCoder.of()))
            .apply("Commit A", ParDo.of(new SlowSignalFn("a")));
    PCollection<Long> b =
        p.apply("B", Create.of(3L).withCoder(VarLongCoder.of()))
            .apply("Commit B", ParDo.of(new SlowSignalFn("b")));
    PCollection<String> out =
        p.apply("Input", Create.of("x", "x", "y").withCoder(StringUtf8Coder.of()))
            .apply("After A and B", AfterAll.of(a, b))
            .apply("Record", ParDo.of(new RecordFn()));
    PAssert.that(out).containsInAnyOrder("x", "x", "y");
    Pipelines.run(p);

    List<String> events = new ArrayList<>(EVENTS);
    List<Integer> outs = new ArrayList<>();
    int lastSignal = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith("out ")) {
        outs.add(i);
      } else {
        lastSignal = i;
      }
    }
    assertThat(
        events.stream().filter(e -> e.startsWith("signal")).toList(),
        containsInAnyOrder("signal a 1", "signal a 2", "signal b 3"));
    assertThat(outs, hasSize(3));
    assertThat(events.toString(), outs, everyItem(greaterThan(lastSignal)));
  }

  @Test
  void anEmptySignalStillLetsTheInputThrough() {
    Pipeline p = Pipelines.create();
    PCollection<Long> none = p.apply("Nothing", Create.empty(VarLongCoder.of()));
    PCollection<String> out =
        p.apply("Input", Create.of("x").withCoder(StringUtf8Coder.of()))
            .apply("After nothing", AfterAll.of(none));
    PAssert.that(out).containsInAnyOrder("x");
    Pipelines.run(p);
  }

  @Test
  void anEmptyInputStaysEmptyAfterItsSignals() {
    Pipeline p = Pipelines.create();
    PCollection<Long> a =
        p.apply("A", Create.of(1L).withCoder(VarLongCoder.of()))
            .apply("Commit A", ParDo.of(new SlowSignalFn("a")));
    PCollection<String> out =
        p.apply("Input", Create.empty(StringUtf8Coder.of())).apply("After A", AfterAll.of(a));
    PAssert.that(out).empty();
    Pipelines.run(p);
    assertThat(new ArrayList<>(EVENTS), contains("signal a 1"));
  }

  @Test
  void windowedCollectionsAreRefused() {
    Pipeline p = Pipelines.create();
    PCollection<Long> windowed =
        p.apply("A", Create.of(1L).withCoder(VarLongCoder.of()))
            .apply("Window", Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    PCollection<String> input = p.apply("Input", Create.of("x").withCoder(StringUtf8Coder.of()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> input.apply(AfterAll.of(windowed)));
    assertThat(e.getMessage(), containsString("globally windowed batch collections only"));

    // the global window with an early trigger could fire before the signals are complete
    PCollection<Long> early =
        p.apply("B", Create.of(1L).withCoder(VarLongCoder.of()))
            .apply(
                "Trigger early",
                Window.<Long>configure()
                    .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()))
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO));
    IllegalArgumentException t =
        assertThrows(
            IllegalArgumentException.class, () -> input.apply("After B", AfterAll.of(early)));
    assertThat(t.getMessage(), containsString("with trigger"));
  }
}
