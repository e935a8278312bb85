package com.eros.tools.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dispatcher: the command list, an unknown command, a bad option, exit codes. */
class ErosTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int eros(String... args) {
    return Eros.execute(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandAndExitsZero() {
    assertThat(eros("--help"), equalTo(0));
    for (Command c : Commands.all()) {
      assertThat(out.toString(StandardCharsets.UTF_8), containsString("  " + c.name() + " "));
    }
    for (String pipeline :
        new String[] {"caption-performance", "daily-automation", "lock-sweep", "health-monitor"}) {
      assertThat(Commands.find(pipeline).isPresent(), equalTo(true));
    }
  }

  @Test
  void noCommandOrAnUnknownOneExitsTwoWithOneLine() {
    assertThat(eros(), equalTo(2));
    assertThat(eros("frobnicate"), equalTo(2));
    assertThat(
        err.toString(StandardCharsets.UTF_8).trim(),
        equalTo("eros: unknown command 'frobnicate'; run ./eros --help for the list"));
  }

  @Test
  void aBadOptionOfAPipelineExitsTwoWithOneLine() {
    assertThat(eros("lock-sweep", "--noSuchOption=1"), equalTo(2));
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e.lines().count(), equalTo(1L));
    assertThat(e, containsString("noSuchOption"));
  }
}
