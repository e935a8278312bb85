package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FatigueTest {

  // Baselines are 1.0; a low view rate is 0.80 (< 0.85), a low RPR is 0.70 (< 0.80).
  @ParameterizedTest(name = "view={0} rpr={1} days={2} -> {3} {4}")
  @CsvSource({
    "false, false, false, 0.0, LOW, 1.0",
    "true, false, false, 0.3, MEDIUM, 0.85",
    "false, true, false, 0.4, MEDIUM, 0.85",
    "false, false, true, 0.3, MEDIUM, 0.85",
    "true, true, false, 0.7, HIGH, 0.70",
    "true, false, true, 0.6, HIGH, 0.70",
    "false, true, true, 0.7, HIGH, 0.70",
    "true, true, true, 1.0, HIGH, 0.70"
  })
  void everyFlagCombination(
      boolean lowView, boolean lowRpr, boolean lastDays, double score, String risk, double vf) {
    Fatigue.Result r = Fatigue.score(lowView ? 0.80 : 1.0, 1.0, lowRpr ? 0.70 : 1.0, 1.0, lastDays);
    assertThat(r, is(new Fatigue.Result(score, risk, vf)));
  }

  @Test
  void thresholdsAreStrict() {
    // exactly 85 % of baseline view rate and exactly 80 % of baseline RPR are not fatigue
    assertThat(Fatigue.score(0.85, 1.0, 0.80, 1.0, false).risk(), is("LOW"));
    assertThat(Fatigue.score(1.7, 2.0, 1.6, 2.0, false).score(), is(0.0));
    assertThat(Fatigue.score(0.8499, 1.0, 0.7999, 1.0, false).score(), is(0.7));
  }

  @Test
  void aThresholdHitExactlyIsNotBelowItEvenWhereFloatingPointSaysSo() {
    // 0.8 * 0.1 = 0.08000000000000002 in doubles: a recent RPR of 0.08 against a baseline of 0.1 is
    // exactly 80 %, not below it
    assertThat(0.08 < 0.8 * 0.1, is(true));
    assertThat(Fatigue.score(1.0, 1.0, 0.08, 0.1, false).score(), is(0.0));
    assertThat(
        Fatigue.score(1.0, 1.0, 8.0 / 100, 10.0 / 100, false).score(), is(0.0)); // as sums divide
    assertThat(0.0595 < 0.85 * 0.07, is(true));
    assertThat(
        Fatigue.score(0.0595, 0.07, 1.0, 1.0, false).score(), is(0.0)); // exactly 85 % of 0.07
    // one step below is below
    assertThat(Fatigue.score(1.0, 1.0, Math.nextDown(0.08), 0.1, false).score(), is(0.4));
    assertThat(Fatigue.below(Double.NaN, "0.8", 1.0), is(false));
  }

  @Test
  void zeroBaselineNeverFlags() {
    assertThat(Fatigue.score(0, 0, 0, 0, false), is(new Fatigue.Result(0.0, "LOW", 1.0)));
  }
}
