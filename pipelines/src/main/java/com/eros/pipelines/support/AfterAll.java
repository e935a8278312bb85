package com.eros.pipelines.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Emits its input once every signal collection is complete: the ordering of {@code Wait.on} for the
 * small, globally windowed collections of a batch run (a job row, a sweep's log row, alert rows, a
 * queue of at most one row per page) at a fraction of its graph.
 *
 * <p>{@code Wait.on} turns each signal into a side input (nine primitive transforms per signal);
 * every primitive transform costs the DirectRunner an evaluator, an invoker and watermark
 * bookkeeping, and the daily automation had 125 of them in its waits alone. Here each signal is one
 * ParDo that emits nothing, and the input goes, encoded with its own coder, through a single-key
 * GroupByKey with them: the group fires only when the watermark of every signal has passed the end
 * of the global window, i.e. when every signal is complete (an empty signal included). The input's
 * elements come out unchanged, duplicates included, in the global window (element timestamps are
 * not kept: nothing here uses them). Every element goes through one key, so this is for small
 * inputs only; large writes keep {@code Wait.on}.
 */
public final class AfterAll<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;
  private static final int KEY = 0;

  private final transient List<PCollection<?>> signals;

  private AfterAll(List<PCollection<?>> signals) {
    this.signals = signals;
  }

  /** Waits for every one of {@code signals} (at least one). */
  public static <T> AfterAll<T> of(PCollection<?>... signals) {
    if (signals.length == 0) {
      throw new IllegalArgumentException("AfterAll needs at least one signal");
    }
    return new AfterAll<>(List.of(signals));
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    requireGlobal(input);
    signals.forEach(AfterAll::requireGlobal);
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, byte[]> carried = KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of());
    List<PCollection<KV<Integer, byte[]>>> parts = new ArrayList<>();
    parts.add(input.apply("Carry input", ParDo.of(new CarryFn<>(coder))).setCoder(carried));
    for (int i = 0; i < signals.size(); i++) {
      parts.add(
          signals.get(i).apply("Hold for signal " + i, ParDo.of(new HoldFn<>())).setCoder(carried));
    }
    return PCollectionList.of(parts)
        .apply("Join signals", Flatten.pCollections())
        .apply("Await signals", GroupByKey.create())
        .apply("Release input", ParDo.of(new ReleaseFn<>(coder)))
        .setCoder(coder);
  }

  private static void requireGlobal(PCollection<?> c) {
    if (!(c.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException(
          "AfterAll orders globally windowed batch collections only; "
              + c.getName()
              + " is windowed by "
              + c.getWindowingStrategy().getWindowFn());
    }
  }

  /** An input element, encoded with the input's coder, under the one key. */
  static final class CarryFn<T> extends DoFn<T, KV<Integer, byte[]>> {
    private final Coder<T> coder;

    CarryFn(Coder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, byte[]>> out)
        throws Exception {
      out.output(KV.of(KEY, CoderUtils.encodeToByteArray(coder, element)));
    }
  }

  /** Emits nothing: a signal holds the group back by its watermark alone. */
  static final class HoldFn<S> extends DoFn<S, KV<Integer, byte[]>> {
    @ProcessElement
    public void process() {}
  }

  /** The input's elements, decoded, once the group fires. */
  static final class ReleaseFn<T> extends DoFn<KV<Integer, Iterable<byte[]>>, T> {
    private final Coder<T> coder;

    ReleaseFn(Coder<T> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<byte[]>> group, OutputReceiver<T> out)
        throws Exception {
      for (byte[] b : group.getValue()) {
        out.output(CoderUtils.decodeFromByteArray(coder, b));
      }
    }
  }
}
