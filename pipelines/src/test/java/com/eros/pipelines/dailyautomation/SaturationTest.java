package com.eros.pipelines.dailyautomation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaturationTest {
  static final LocalDate D = LocalDate.of(2026, 11, 29);

  static Saturation.Lock lock(long id, LocalDate date) {
    return new Saturation.Lock(id, date);
  }

  @Test
  void poolIsActiveOwnedOrSharedCaptions() {
    assertThat(Saturation.inPool("a", "a", true), is(true)); // owned
    assertThat(Saturation.inPool("a", null, true), is(true)); // shared
    assertThat(Saturation.inPool("a", "b", true), is(false)); // another page's
    assertThat(Saturation.inPool("a", "a", false), is(false)); // retired
    assertThat(Saturation.inPool("a", null, false), is(false)); // retired shared
    assertThat(Saturation.inPool("a", "a", null), is(false)); // unknown activity: not offered
  }

  @Test
  void cooldownCountsLocksSentOnOrAfterDMinus7() {
    assertThat(Saturation.withinCooldown(D.minusDays(7), D, 7), is(true));
    assertThat(Saturation.withinCooldown(D.minusDays(8), D, 7), is(false));
    assertThat(Saturation.withinCooldown(D.plusDays(3), D, 7), is(true)); // planned ahead
    assertThat(Saturation.withinCooldown(null, D, 7), is(false)); // no send date
    assertThat(Saturation.withinCooldown(D, D, 0), is(true));
    assertThat(Saturation.withinCooldown(D.minusDays(1), D, 0), is(false));
  }

  @Test
  void sharedAndOwnedCaptionsFormThePoolAndLockedOnesAreUnavailable() {
    Set<Long> owned = Set.of(1L, 2L, 3L);
    Set<Long> shared = Set.of(10L, 11L);
    List<Saturation.Lock> locks =
        List.of(
            lock(1, D.minusDays(7)), // owned, inside the cooldown
            lock(1, D.plusDays(1)), // same caption again: counted once
            lock(10, D), // shared, inside
            lock(2, D.minusDays(8)), // outside the cooldown
            lock(3, null), // no send date
            lock(99, D)); // not in the pool (retired or another page's caption)
    assertThat(Saturation.lockedIds(locks, D, 7), is(Set.of(1L, 10L, 99L)));
    Saturation.Result r = Saturation.assess(owned, shared, Saturation.lockedIds(locks, D, 7));
    assertThat(r.poolSize(), is(5L));
    assertThat(r.unavailable(), is(2L));
    assertThat(r.pct(), is(40.0));
    assertThat(r.emptyPool(), is(false));
  }

  @Test
  void aCaptionBothOwnedAndSharedIsCountedOnce() {
    Saturation.Result r = Saturation.assess(Set.of(1L, 2L), Set.of(2L, 3L), List.of(2L));
    assertThat(r.poolSize(), is(3L));
    assertThat(r.unavailable(), is(1L));
  }

  @Test
  void fourOfFiveIsExactlyEightyPercent() {
    Set<Long> owned = Set.of(1L, 2L, 3L, 4L, 5L);
    assertThat(Saturation.assess(owned, Set.of(), List.of(1L, 2L, 3L, 4L)).pct(), is(80.0));
  }

  @Test
  void anEmptyPoolHasNoPercentage() {
    Saturation.Result r = Saturation.assess(Set.of(), Set.of(), List.of(1L));
    assertThat(r.emptyPool(), is(true));
    assertThat(r.unavailable(), is(0L));
    assertThat(Double.isNaN(r.pct()), is(true));
  }
}
