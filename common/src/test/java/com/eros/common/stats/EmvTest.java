package com.eros.common.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EmvTest {

  @Test
  void earningsPerRecipient() {
    assertThat(Emv.emv(150.0, 300), is(0.5));
    assertThat(Emv.emv(0.0, 10), is(0.0));
    assertThat(Emv.emv(12.0, 1), is(12.0));
  }

  @Test
  void rejectsSentCountBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> Emv.emv(10.0, 0));
    assertThrows(IllegalArgumentException.class, () -> Emv.emv(10.0, -5));
  }
}
