package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class WilsonTest {

  private static final double Z = 1.96;

  // Hand values: z² = 3.8416, z²/n = 0.38416, denom = 1.38416.

  @Test
  void halfOfTen() {
    // centre = (0.5 + 0.19208) / 1.38416 = 0.5; half = 1.96·sqrt(0.034604) / 1.38416 = 0.263410
    Wilson.Interval i = Wilson.interval(5, 10, Z);
    assertThat(i.lower(), closeTo(0.2366, 1e-4));
    assertThat(i.upper(), closeTo(0.7634, 1e-4));
  }

  @Test
  void twoOfTenUsesRawCountsWithoutPrior() {
    // centre = 0.39208 / 1.38416 = 0.283262; half = 1.96·sqrt(0.025604) / 1.38416 = 0.226581
    Wilson.Interval i = Wilson.interval(2, 10, Z);
    assertThat(i.lower(), closeTo(0.0567, 1e-4));
    assertThat(i.upper(), closeTo(0.5098, 1e-4));
    // With a Beta(1,1) prior folded in (3 of 12) the interval would differ.
    Wilson.Interval withPrior = Wilson.interval(3, 12, Z);
    assertThat(Math.abs(withPrior.lower() - i.lower()), greaterThan(0.01));
  }

  @Test
  void zeroOfTenClampsLowerToZero() {
    // centre = half = 0.19208 / 1.38416 = 0.138770 -> lower would be -3e-17 without clamping
    Wilson.Interval i = Wilson.interval(0, 10, Z);
    assertThat(i.lower(), is(0.0));
    assertThat(i.upper(), closeTo(0.2775, 1e-4));
  }

  @Test
  void tenOfTen() {
    Wilson.Interval i = Wilson.interval(10, 10, Z);
    assertThat(i.lower(), closeTo(0.7225, 1e-4));
    assertThat(i.upper(), closeTo(1.0, 1e-12));
    assertThat(i.upper() <= 1.0, is(true));
  }

  @Test
  void noObservationsGivesWholeRange() {
    assertThat(Wilson.interval(0, 0, Z), is(new Wilson.Interval(0.0, 1.0)));
    assertThat(Wilson.interval(0, -1, Z), is(new Wilson.Interval(0.0, 1.0)));
  }

  @Test
  void fractionalCountsAreSymmetric() {
    Wilson.Interval a = Wilson.interval(1.5, 3.25, Z);
    Wilson.Interval b = Wilson.interval(1.75, 3.25, Z);
    assertThat(a.lower(), closeTo(1 - b.upper(), 1e-12));
    assertThat(a.upper(), closeTo(1 - b.lower(), 1e-12));
    assertThat(a.lower(), lessThan(1.5 / 3.25));
    assertThat(a.upper(), greaterThan(1.5 / 3.25));
  }

  @Test
  void zeroZCollapsesToPointEstimate() {
    Wilson.Interval i = Wilson.interval(3, 4, 0);
    assertThat(i.lower(), closeTo(0.75, 1e-12));
    assertThat(i.upper(), closeTo(0.75, 1e-12));
  }

  @Test
  void rejectsInvalidZ() {
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 2, -1));
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 2, Double.NaN));
  }

  @Test
  void intervalIsSerializable() throws Exception {
    Wilson.Interval i = Wilson.interval(5, 10, Z);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(i);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject(), is(i));
    }
  }
}
