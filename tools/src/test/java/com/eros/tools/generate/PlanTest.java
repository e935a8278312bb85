package com.eros.tools.generate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.stats.TextNormalizer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pure parts of the generator: texts, invalid-row placement, page sizes, configuration. */
class PlanTest {
  private static final Instant NOW = Instant.parse("2026-11-29T11:05:00Z");

  @Test
  void captionTextsAreDistinctAfterNormalisation() {
    Set<String> seen = new HashSet<>();
    int n = Texts.BASE_TEXTS + 2_000; // past the first round, into the " vol. 2" suffixes
    for (int c = 0; c < n; c++) {
      String text = Texts.caption(c);
      assertThat(text, not(containsString("#")));
      assertThat(
          "duplicate normalised caption text for " + c + ": " + text,
          seen.add(TextNormalizer.normalize(text)),
          is(true));
    }
  }

  @Test
  void variantsDifferInCaseOrSpaceOnly() {
    SplittableRandom rng = new SplittableRandom(7);
    Set<String> kinds = new HashSet<>();
    for (int c = 0; c < 2_000; c++) {
      String text = Texts.caption(c);
      String v = Texts.variant(text, rng);
      assertThat(v, not(equalTo(text)));
      assertThat(TextNormalizer.normalize(v), equalTo(TextNormalizer.normalize(text)));
      kinds.add(
          v.contains("\t")
              ? "tab"
              : v.contains("\n")
                  ? "newline"
                  : v.contains("  ")
                      ? "spaces"
                      : v.equals(v.toUpperCase(java.util.Locale.ROOT)) ? "upper" : "other");
    }
    assertThat(kinds.size(), greaterThanOrEqualTo(4));
  }

  @Test
  void freeTextMatchesNoCaption() {
    SplittableRandom rng = new SplittableRandom(3);
    Set<String> captions = new HashSet<>();
    for (int c = 0; c < 20_000; c++) {
      captions.add(TextNormalizer.normalize(Texts.caption(c)));
    }
    for (long id = 1; id <= 1_000; id++) {
      String t = Texts.freeText(rng, id);
      assertThat(t, containsString("#" + id));
      assertThat(captions.contains(TextNormalizer.normalize(t)), is(false));
    }
  }

  @Test
  void invalidRowsAreHalfAPercentAndEveryKindOccurs() {
    long n = 100_000;
    InvalidRows rows = new InvalidRows(n, 42);
    Map<Corruption, Integer> byKind = new EnumMap<>(Corruption.class);
    long total = 0;
    for (long g = 0; g < n; g++) {
      Corruption c = rows.at(g);
      if (c != null) {
        byKind.merge(c, 1, Integer::sum);
        total++;
      }
    }
    assertThat(total, equalTo(500L));
    assertThat(rows.count(), equalTo(500L));
    assertThat(byKind.keySet(), equalTo(Set.of(Corruption.values())));
    assertThat(byKind.values(), everyItem(allOf(greaterThanOrEqualTo(35), lessThanOrEqualTo(36))));
  }

  @Test
  void smallRunsStillGetEveryKindOnce() {
    InvalidRows rows = new InvalidRows(1_500, 9);
    Set<Corruption> kinds = new HashSet<>();
    long total = 0;
    for (long g = 0; g < 1_500; g++) {
      Corruption c = rows.at(g);
      if (c != null) {
        kinds.add(c);
        total++;
      }
    }
    assertThat(total, equalTo((long) Corruption.values().length));
    assertThat(kinds, equalTo(Set.of(Corruption.values())));
    assertThat(new InvalidRows(0, 1).count(), equalTo(0L));
    assertThat(new InvalidRows(0, 1).at(0), equalTo(null));
  }

  @Test
  void invalidPositionsDependOnTheSeed() {
    InvalidRows a = new InvalidRows(50_000, 1);
    InvalidRows b = new InvalidRows(50_000, 2);
    int same = 0;
    int invalid = 0;
    for (long g = 0; g < 50_000; g++) {
      if (a.at(g) != null) {
        invalid++;
        if (b.at(g) != null) {
          same++;
        }
      }
    }
    assertThat(invalid, equalTo(250));
    assertThat(same, lessThanOrEqualTo(25));
  }

  @Test
  void apportionHandsOutExactlyAllMessages() {
    long[] counts = Plan.apportion(1_001, new double[] {1, 1, 1, 0.5});
    assertThat(counts[0] + counts[1] + counts[2] + counts[3], equalTo(1_001L));
    assertThat(counts[3], equalTo(143L)); // 1001 * 0.5 / 3.5
    assertThat(Plan.apportion(0, new double[] {2, 1})[0], equalTo(0L));
  }

  @Test
  void pageSizesAreHeavyTailedForEverySeed() {
    for (long seed = 1; seed <= 5; seed++) {
      Plan plan = Plan.build(new GeneratorConfig(100_000, 40, seed, NOW));
      long[] sizes = plan.pages().stream().mapToLong(PageProfile::messages).sorted().toArray();
      long total = 0;
      for (long s : sizes) {
        total += s;
      }
      long top = 0;
      for (int i = sizes.length - 8; i < sizes.length; i++) {
        top += sizes[i];
      }
      assertThat(total, equalTo(100_000L));
      assertThat(sizes[sizes.length - 1], greaterThan(10 * sizes[sizes.length / 2]));
      assertThat("top 20 % of pages hold most messages", top * 2, greaterThan(total));
    }
  }

  @Test
  void configRejectsBadValuesWithClearMessages() {
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(-1, 5, 1, NOW));
    assertThat(m.getMessage(), containsString("messages must be 0 or more"));
    IllegalArgumentException p =
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(10, 0, 1, NOW));
    assertThat(p.getMessage(), containsString("pages must be 1 or more"));
    IllegalArgumentException n =
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(10, 1, 1, null));
    assertThat(n.getMessage(), containsString("now must be set"));
  }
}
