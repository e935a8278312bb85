package com.eros.pipelines.captionperformance;

import com.eros.common.validate.MessageRule;
import com.eros.pipelines.support.AccumulateFn;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a run counted, summed over pages inside the pipeline (so the job row is right on any runner,
 * not only where the driver waits and reads metrics). Mutable while summing; treat values emitted
 * from a DoFn as immutable.
 */
public final class RunTally implements Serializable {
  private static final long serialVersionUID = 1L;

  long rowsRead;
  final long[] rejectedByRule = new long[MessageRule.values().length];
  long captioned;
  long attributed;
  long unattributedNoMatch;
  long unattributedAmbiguous;
  long pagesWithStats;
  long pagesWithoutMedian;
  long statsRows;

  public long rowsRead() {
    return rowsRead;
  }

  public long rejected() {
    return Arrays.stream(rejectedByRule).sum();
  }

  public long rejected(MessageRule rule) {
    return rejectedByRule[rule.ordinal()];
  }

  /** Valid messages that carried a caption_id. */
  public long captioned() {
    return captioned;
  }

  public long attributed() {
    return attributed;
  }

  public long unattributed() {
    return unattributedNoMatch + unattributedAmbiguous;
  }

  public long unattributedNoMatch() {
    return unattributedNoMatch;
  }

  public long unattributedAmbiguous() {
    return unattributedAmbiguous;
  }

  public long pagesWithStats() {
    return pagesWithStats;
  }

  public long pagesWithoutMedian() {
    return pagesWithoutMedian;
  }

  public long statsRows() {
    return statsRows;
  }

  /** Adds {@code other} into this tally and returns this. */
  public RunTally add(RunTally other) {
    rowsRead += other.rowsRead;
    for (int i = 0; i < rejectedByRule.length; i++) {
      rejectedByRule[i] += other.rejectedByRule[i];
    }
    captioned += other.captioned;
    attributed += other.attributed;
    unattributedNoMatch += other.unattributedNoMatch;
    unattributedAmbiguous += other.unattributedAmbiguous;
    pagesWithStats += other.pagesWithStats;
    pagesWithoutMedian += other.pagesWithoutMedian;
    statsRows += other.statsRows;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunTally t
        && rowsRead == t.rowsRead
        && Arrays.equals(rejectedByRule, t.rejectedByRule)
        && captioned == t.captioned
        && attributed == t.attributed
        && unattributedNoMatch == t.unattributedNoMatch
        && unattributedAmbiguous == t.unattributedAmbiguous
        && pagesWithStats == t.pagesWithStats
        && pagesWithoutMedian == t.pagesWithoutMedian
        && statsRows == t.statsRows;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        rowsRead,
        Arrays.hashCode(rejectedByRule),
        captioned,
        attributed,
        unattributedNoMatch,
        unattributedAmbiguous,
        pagesWithStats,
        pagesWithoutMedian,
        statsRows);
  }

  @Override
  public String toString() {
    return "RunTally{read="
        + rowsRead
        + ", rejected="
        + Arrays.toString(rejectedByRule)
        + ", captioned="
        + captioned
        + ", attributed="
        + attributed
        + ", noMatch="
        + unattributedNoMatch
        + ", ambiguous="
        + unattributedAmbiguous
        + ", pagesWithStats="
        + pagesWithStats
        + ", pagesWithoutMedian="
        + pagesWithoutMedian
        + ", statsRows="
        + statsRows
        + "}";
  }

  /** Sums tallies; the sum of none is an empty tally (so a run over no pages still has a total). */
  static final class SumFn extends AccumulateFn<RunTally, RunTally> {
    SumFn() {
      super(RunTally.class);
    }

    @Override
    public RunTally createAccumulator() {
      return new RunTally();
    }

    @Override
    public RunTally addInput(RunTally acc, RunTally input) {
      return acc.add(input);
    }

    @Override
    protected RunTally merge(RunTally into, RunTally other) {
      return into.add(other);
    }
  }
}
