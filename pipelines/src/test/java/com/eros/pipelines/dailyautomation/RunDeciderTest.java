package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.eros.pipelines.dailyautomation.RunDecider.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunDeciderTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);

  /**
   * Outcomes from a pattern: S = analyzed (saturation 10), F = failed, I = inactive; pages p00,
   * p01, ...
   */
  static List<CreatorOutcome> pattern(String p) {
    List<CreatorOutcome> out = new ArrayList<>();
    for (int i = 0; i < p.length(); i++) {
      String page = String.format("p%02d", i);
      out.add(
          switch (p.charAt(i)) {
            case 'S' -> CreatorOutcome.analyzed(page, 10, 1, 10.0, 1.0);
            case 'F' -> CreatorOutcome.failed(page, 10, 1, "boom");
            case 'I' -> CreatorOutcome.inactive(page, 10, 1);
            default -> throw new IllegalArgumentException(p);
          });
    }
    return out;
  }

  static List<Verdict> verdicts(RunDecider.Decided d) {
    return d.decisions().stream().map(RunDecider.Decision::verdict).toList();
  }

  @Test
  void fourFailuresASuccessAndFourMoreDoNotOpenTheBreaker() {
    RunDecider.Decided d = RunDecider.decide(pattern("FFFFSFFFF"), D, 80, 5);
    assertThat(d.report().breakerOpened(), is(false));
    assertThat(d.report().failed(), is(8L));
    assertThat(d.report().processed(), is(1L));
    assertThat(d.report().skipped(), is(0L));
    assertThat(d.report().queued(), is(1L));
  }

  @Test
  void fiveConsecutiveFailuresOpenItAndLaterCreatorsAreSkipped() {
    RunDecider.Decided d = RunDecider.decide(pattern("SFFFFFSSF"), D, 80, 5);
    assertThat(
        verdicts(d),
        contains(
            Verdict.QUEUED,
            Verdict.FAILED,
            Verdict.FAILED,
            Verdict.FAILED,
            Verdict.FAILED,
            Verdict.FAILED,
            Verdict.SKIPPED,
            Verdict.SKIPPED,
            Verdict.SKIPPED));
    RunReport r = d.report();
    assertThat(r.breakerOpenedAt(), is("p05"));
    assertThat(r.firstSkipped(), is("p06"));
    assertThat(r.lastSkipped(), is("p08"));
    assertThat(r.processed(), is(1L));
    assertThat(r.failed(), is(5L));
    assertThat(r.skipped(), is(3L));
    assertThat(r.queued(), is(1L));
  }

  @Test
  void theBreakerCountsConsecutiveFailuresInPageOrderWhateverTheInputOrder() {
    List<CreatorOutcome> o = pattern("FFSFFFF");
    Collections.reverse(o);
    // in page order F F S F F F F: at most 4 consecutive -> closed with threshold 5, open with 4
    assertThat(RunDecider.decide(o, D, 80, 5).report().breakerOpened(), is(false));
    assertThat(RunDecider.decide(o, D, 80, 4).report().breakerOpenedAt(), is("p06"));
    assertThat(RunDecider.decide(o, D, 80, 1).report().breakerOpenedAt(), is("p00"));
  }

  @Test
  void inactivePagesNeitherBreakNorExtendARun() {
    RunDecider.Decided d = RunDecider.decide(pattern("FFIFFIF"), D, 80, 5);
    assertThat(d.report().breakerOpenedAt(), is("p06"));
    assertThat(d.report().activeCreators(), is(5L));
    assertThat(d.report().pages(), is(7L));
    assertThat(d.decisions().size(), is(5));
  }

  @Test
  void aSaturatedCreatorIsASuccessForTheBreaker() {
    List<CreatorOutcome> o = pattern("FFFFSFFFF");
    o.set(4, CreatorOutcome.analyzed("p04", 1, 0, 95.0, 1.0));
    RunDecider.Decided d = RunDecider.decide(o, D, 80, 5);
    assertThat(d.report().breakerOpened(), is(false));
    assertThat(d.decisions().get(4).verdict(), is(Verdict.SATURATED));
    assertThat(d.report().saturated(), is(1L));
  }

  @Test
  void saturationBelowTheThresholdIsQueuedAtItIsNot() {
    List<CreatorOutcome> o =
        List.of(
            CreatorOutcome.analyzed("a", 1, 0, 79.99, 0.85),
            CreatorOutcome.analyzed("b", 1, 0, 80.0, 1.0),
            CreatorOutcome.analyzed("c", 1, 0, 0.0, 0.7),
            CreatorOutcome.analyzed("d", 1, 0, 100.0, 1.0));
    assertThat(
        verdicts(RunDecider.decide(o, D, 80, 5)),
        contains(Verdict.QUEUED, Verdict.SATURATED, Verdict.QUEUED, Verdict.SATURATED));
  }

  @Test
  void rowCountsCoverEveryPage() {
    RunReport r = RunDecider.decide(pattern("SIF"), D, 80, 5).report();
    assertThat(r.rowsRead(), is(30L));
    assertThat(r.rowsRejected(), is(3L));
    assertThat(r.breakerOpenedAt(), nullValue());
  }

  @Test
  void noPageAtAll() {
    RunReport r = RunDecider.decide(List.of(), D, 80, 5).report();
    assertThat(r.activeCreators(), is(0L));
    assertThat(r.pages(), is(0L));
  }
}
