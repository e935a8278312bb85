package com.eros.pipelines.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class OptionsParserTest {
  @Test
  void namesTheOptionWhoseValueDoesNotParse() {
    String beam =
        "Cannot deserialize value of type `double` from String \"abc\": not a valid `double` value";
    assertThat(
        OptionsParser.explain(beam, new String[] {"--warehouse=x", "--saturationThreshold=abc"}),
        equalTo("--saturationThreshold=abc is not a number"));
  }

  @Test
  void saysUnknownOptionInsteadOfMissingProperty() {
    String beam = "Class interface com.eros.X missing a property named 'bogus'.";
    assertThat(
        OptionsParser.explain(beam, new String[] {"--bogus=1"}), equalTo("unknown option --bogus"));
  }

  @Test
  void leavesOtherMessagesAlone() {
    assertThat(OptionsParser.explain("something else", new String[0]), equalTo("something else"));
  }
}
