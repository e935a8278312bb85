package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.eros.pipelines.captionperformance.CaptionIndex.Match;
import com.eros.pipelines.captionperformance.CaptionIndex.Outcome;
import org.junit.jupiter.api.Test;

class CaptionIndexTest {
  private final CaptionIndex index =
      CaptionIndex.builder()
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
    assertThat(
        index.match("alice", "only bob").outcome(),
        is(Outcome.NO_MATCH)); // bob's caption is not alice's
    assertThat(index.match("alice", "hello world!").outcome(), is(Outcome.NO_MATCH));
    assertThat(index.match("alice", null).outcome(), is(Outcome.NO_MATCH));
    assertThat(index.match("bob", "").outcome(), is(Outcome.NO_MATCH));
  }

  @Test
  void twoMatchesAreAmbiguous() {
    assertThat(
        index.match("bob", "good morning").outcome(), is(Outcome.AMBIGUOUS)); // shared 2 + own 3
    assertThat(index.match("alice", "twin").outcome(), is(Outcome.AMBIGUOUS));
    assertThat(index.match("bob", "twin").outcome(), is(Outcome.NO_MATCH));
  }

  @Test
  void aPagesOwnIndexWithTheSharedOneMatchesLikeTheWholeBank() {
    CaptionIndex shared =
        CaptionIndex.builder()
            .add(2, "good morning", null)
            .add(7, "retired but visible", null)
            .build();
    CaptionIndex bob =
        CaptionIndex.builder().add(3, "Good   Morning", "bob").add(4, "only bob", "bob").build();
    assertThat(
        CaptionIndex.forPage(shared, bob).match("bob", "good morning").outcome(),
        is(Outcome.AMBIGUOUS));
    assertThat(
        CaptionIndex.forPage(shared, bob).match("bob", "only bob"),
        is(new Match(Outcome.ATTRIBUTED, 4)));
    assertThat(
        CaptionIndex.forPage(shared, null).match("carol", "good morning"),
        is(new Match(Outcome.ATTRIBUTED, 2)));
    assertThat(
        CaptionIndex.forPage(null, bob).match("bob", "retired but visible").outcome(),
        is(Outcome.NO_MATCH));
    assertThat(
        CaptionIndex.forPage(null, null).match("bob", "only bob").outcome(), is(Outcome.NO_MATCH));
    assertThat(CaptionIndex.forPage(shared, bob).size(), is(4));
  }

  @Test
  void theCoderRoundTripsEveryTextAndId() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CaptionIndex.CODER.encode(index, bytes);
    CaptionIndex back =
        CaptionIndex.CODER.decode(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    assertThat(back, is(index));
    assertThat(back.size(), is(index.size()));
    assertThat(back.match("alice", "twin").outcome(), is(Outcome.AMBIGUOUS));
    assertThat(back.match("bob", "ONLY BOB"), is(new Match(Outcome.ATTRIBUTED, 4)));
    assertThat(
        CaptionIndex.CODER
            .decode(new java.io.ByteArrayInputStream(encode(CaptionIndex.EMPTY)))
            .size(),
        is(0));
  }

  private static byte[] encode(CaptionIndex i) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CaptionIndex.CODER.encode(i, bytes);
    return bytes.toByteArray();
  }

  @Test
  void mergedBuildersEqualOneBuilder() {
    CaptionIndex merged =
        CaptionIndex.builder()
            .add(2, "good morning", null)
            .merge(CaptionIndex.builder().add(3, "good morning", "bob").add(9, "x", null))
            .build();
    assertThat(merged.match("bob", "Good Morning").outcome(), is(Outcome.AMBIGUOUS));
    assertThat(merged.match("alice", "Good Morning"), is(new Match(Outcome.ATTRIBUTED, 2)));
    assertThat(merged.match("alice", "X"), is(new Match(Outcome.ATTRIBUTED, 9)));
  }
}
