package com.eros.tools.bench;

import com.eros.pipelines.support.OptionsParser;
import com.eros.pipelines.support.Phases;
import com.eros.tools.cli.LocalServiceFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Beam's own floor, for the benchmark's whole-process figures: the smallest pipeline — {@link
 * #NUMBERS} numbers created in memory, one ParDo, a global sum — set up and run the way {@code
 * ./eros} runs a local pipeline (the same context class loader, options parser and DirectRunner
 * settings), with no warehouse and none of the project's transforms. Its time is what any Beam
 * pipeline costs on this machine before it does any work: a goal below it cannot be met on the
 * DirectRunner. Prints how many numbers it ran, and the phases with {@code -Deros.phases}.
 */
public final class FloorMain {
  /** Elements of the floor pipeline (as many as the fixed-cost input has messages). */
  static final int NUMBERS = (int) CaptionPerformanceBench.FIXED_COST_MESSAGES;

  private FloorMain() {}

  public static void main(String[] args) {
    LocalServiceFilter.install();
    PipelineOptions options = OptionsParser.parse(PipelineOptions.class, args);
    OptionsParser.tuneLocalRunner(options);
    Phases.mark("options");
    Pipeline p = Pipeline.create(options);
    p.apply("Create numbers", Create.of(numbers()))
        .apply("Add one", MapElements.into(TypeDescriptors.longs()).via((Long n) -> n + 1))
        .apply("Sum numbers", Sum.longsGlobally());
    Phases.markGraph(p);
    p.run().waitUntilFinish();
    Phases.mark("run");
    System.out.println("ran " + NUMBERS + " numbers");
    System.exit(0);
  }

  static List<Long> numbers() {
    List<Long> n = new ArrayList<>(NUMBERS);
    for (long i = 0; i < NUMBERS; i++) {
      n.add(i);
    }
    return n;
  }
}
