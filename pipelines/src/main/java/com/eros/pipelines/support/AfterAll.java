package com.eros.pipelines.support;

import com.eros.common.warehouse.GlobalBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
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
 * ParDo that emits nothing, and the input goes through a single-key GroupByKey with them (a key and
 * the input's own coder): the group fires only when the watermark of every signal has passed the
 * end of the global window, i.e. when every signal is complete (an empty signal included). The
 * input's elements come out unchanged, duplicates included, in the global window (element
 * timestamps are not kept: nothing here uses them). Every element goes through one key, so this is
 * for small inputs only; the BigQuery adapter's load path, whose input is every row written, keeps
 * {@code Wait.on}. Only the global window with its default trigger is accepted: another trigger
 * could fire the group before the signals are complete.
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
    GlobalBatch.require(input, "AfterAll");
    signals.forEach(c -> GlobalBatch.require(c, "AfterAll"));
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, T> keyed = KvCoder.of(VarIntCoder.of(), coder);
    List<PCollection<KV<Integer, T>>> parts = new ArrayList<>();
    parts.add(input.apply("Carry input", ParDo.of(new CarryFn<T>())).setCoder(keyed));
    for (int i = 0; i < signals.size(); i++) {
      parts.add(
          signals
              .get(i)
              .apply("Hold for signal " + i, ParDo.of(new HoldFn<Object, T>()))
              .setCoder(keyed));
    }
    return PCollectionList.of(parts)
        .apply("Join signals", Flatten.pCollections())
        .apply("Await signals", GroupByKey.create())
        .apply("Release input", ParDo.of(new ReleaseFn<T>()))
        .setCoder(coder);
  }

  /** An input element under the one key. */
  static final class CarryFn<T> extends DoFn<T, KV<Integer, T>> {
    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(KEY, element));
    }
  }

  /** Emits nothing: a signal holds the group back by its watermark alone. */
  static final class HoldFn<S, T> extends DoFn<S, KV<Integer, T>> {
    @ProcessElement
    public void process() {}
  }

  /** The input's elements, once the group fires. */
  static final class ReleaseFn<T> extends DoFn<KV<Integer, Iterable<T>>, T> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<T>> group, OutputReceiver<T> out) {
      for (T element : group.getValue()) {
        out.output(element);
      }
    }
  }
}
