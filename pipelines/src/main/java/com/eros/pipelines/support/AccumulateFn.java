package com.eros.pipelines.support;

import java.io.Serializable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A {@link Combine.CombineFn} whose accumulator is its output: a mergeable, serializable tally (a
 * run's counts, a page-score total, health measures). Subclasses say how to start one, add an input
 * and merge two; the sum of no input is an empty tally, so a run over nothing still has one.
 *
 * @param <InputT> what is added
 * @param <AccT> the tally, encoded with Java serialization
 */
public abstract class AccumulateFn<InputT, AccT extends Serializable>
    extends Combine.CombineFn<InputT, AccT, AccT> {
  private final Class<AccT> type;

  protected AccumulateFn(Class<AccT> type) {
    this.type = type;
  }

  /** Merges {@code other} into {@code into} and returns {@code into}. */
  protected abstract AccT merge(AccT into, AccT other);

  @Override
  public final AccT mergeAccumulators(Iterable<AccT> accs) {
    AccT merged = createAccumulator();
    for (AccT a : accs) {
      merged = merge(merged, a);
    }
    return merged;
  }

  @Override
  public final AccT extractOutput(AccT acc) {
    return acc;
  }

  @Override
  public Coder<AccT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return SerializableCoder.of(type);
  }

  @Override
  public Coder<AccT> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return SerializableCoder.of(type);
  }
}
