package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.eros.pipelines.captionperformance.CaptionIndex.Match;
import com.eros.pipelines.captionperformance.CaptionIndex.Outcome;
import org.junit.jupiter.api.Test;

class CaptionIndexTest {
  private final CaptionIndex index = CaptionIndex.builder()
      .add(1, "Hello  World", "alice") // alice's own
      .add(2, "good morning", null) // shared
      .add(3, "Good   Morning", "bob") // bob's own, same text as shared caption 2
      .add(4, "only bob", "bob")
      .add(5, "twin", "alice")
      .add(6, " TWIN ", "alice") // alice has two captions with the same text
      .add(7, "retired but visible", null)
      .add(8, "same id twice", null)
      .add(8, "same id twice", "alice") // one caption listed twice: one candidate
      .build();

  @Test
  void exactlyOneVisibleCaptionAttributes() {
    assertThat(index.match("alice", "  hello\tworld\n"), is(new Match(Outcome.ATTRIBUTED, 1)));
    assertThat(index.match("alice", "GOOD MORNING"), is(new Match(Outcome.ATTRIBUTED, 2)));
    assertThat(index.match("carol", "retired but visible"), is(new Match(Outcome.ATTRIBUTED, 7)));
    assertThat(index.match("alice", "same id twice"), is(new Match(Outcome.ATTRIBUTED, 8)));
  }

  @Test
  void noVisibleMatchStaysUnattributed() {
    assertThat(index.match("alice", "only bob").outcome(), is(Outcome.NO_MATCH)); // bob's caption is not alice's
    assertThat(index.match("alice", "hello world!").outcome(), is(Outcome.NO_MATCH));
    assertThat(index.match("alice", null).outcome(), is(Outcome.NO_MATCH));
    assertThat(index.match("bob", "").outcome(), is(Outcome.NO_MATCH));
  }

  @Test
  void twoMatchesAreAmbiguous() {
    assertThat(index.match("bob", "good morning").outcome(), is(Outcome.AMBIGUOUS)); // shared 2 + own 3
    assertThat(index.match("alice", "twin").outcome(), is(Outcome.AMBIGUOUS));
    assertThat(index.match("bob", "twin").outcome(), is(Outcome.NO_MATCH));
  }

  @Test
  void mergedBuildersEqualOneBuilder() {
    CaptionIndex merged = CaptionIndex.builder().add(2, "good morning", null)
        .merge(CaptionIndex.builder().add(3, "good morning", "bob").add(9, "x", null)).build();
    assertThat(merged.match("bob", "Good Morning").outcome(), is(Outcome.AMBIGUOUS));
    assertThat(merged.match("alice", "Good Morning"), is(new Match(Outcome.ATTRIBUTED, 2)));
    assertThat(merged.match("alice", "X"), is(new Match(Outcome.ATTRIBUTED, 9)));
  }
}
