package com.eros.tools.generate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.Tables;
import com.eros.duckdb.TempDuckDb;
import com.eros.pipelines.support.UsageException;
import com.eros.tools.cli.Commands;
import com.eros.tools.cli.Eros;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = new GenerateCommand().run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(0));
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static String usageError(String... args) {
    return assertThrows(UsageException.class, () -> new GenerateCommand().run(args, System.out))
        .getMessage();
  }

  @Test
  void isRegisteredAsGenerate() {
    assertThat(Commands.find("generate").orElseThrow().getClass(), equalTo(GenerateCommand.class));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() throws Exception {
    String help = run("--help");
    for (String opt :
        new String[] {"--messages", "--pages", "--seed", "--now", "--warehouse", "--help"}) {
      assertThat(help, containsString(opt));
    }
    assertThat(help, containsString("200000"));
    assertThat(help, containsString("duckdb:eros-local.duckdb"));
  }

  @Test
  void generatesIntoTheGivenWarehouseAndPrintsASummary(@TempDir Path dir) throws Exception {
    try (TempDuckDb db = new TempDuckDb(dir)) {
      String out =
          run(
              "--messages=3000",
              "--pages",
              "4",
              "--seed=5",
              "--now",
              "2026-03-08T12:00:00Z",
              "--warehouse=duckdb:" + db.warehouse().path());
      assertThat(out, containsString("mass_messages"));
      assertThat(out, containsString("3,000"));
      assertThat(out, containsString("PRICE_INVALID"));
      assertThat(out, containsString("caption saturation"));
      assertThat(
          db.warehouse().longScalar("SELECT count(*) FROM " + Tables.MASS_MESSAGES.name()),
          equalTo(3000L));
      // the history ends at --now (messages up to now + 1 h would be valid, so none is planted
      // there)
      assertThat(
          db.warehouse()
              .longScalar(
                  "SELECT count(*) FROM mass_messages WHERE sending_time"
                      + " BETWEEN TIMESTAMP '2026-03-08 12:00:00' AND TIMESTAMP '2026-03-08 13:00:00'"),
          equalTo(0L));
      assertThat(
          db.warehouse()
              .longScalar(
                  "SELECT count(*) FROM mass_messages WHERE sending_time"
                      + " < TIMESTAMP '2025-11-08 12:00:00'"),
          equalTo(0L));
      assertThat(
          db.warehouse()
              .longScalar(
                  "SELECT count(*) FROM mass_messages WHERE sending_time"
                      + " >= TIMESTAMP '2026-03-07 12:00:00' AND sending_time < TIMESTAMP '2026-03-08 12:00:00'"),
          org.hamcrest.Matchers.greaterThan(0L));
    }
  }

  @Test
  void badValuesGiveOneClearLine() {
    assertThat(
        usageError("--messages=abc"), containsString("--messages=abc is not a whole number"));
    assertThat(usageError("--messages=-5"), containsString("--messages=-5 is negative"));
    assertThat(
        usageError("--pages=0"),
        containsString("--pages=0 is out of range; give 1 to 100000 pages"));
    assertThat(usageError("--pages=100001"), containsString("is out of range"));
    assertThat(usageError("--seed=1.5"), containsString("--seed=1.5 is not a whole number"));
    assertThat(
        usageError("--now=yesterday"),
        containsString("--now=yesterday is not an ISO-8601 instant"));
    assertThat(usageError("--warehouse=postgres:x"), containsString("is not understood"));
    assertThat(
        usageError("--warehouse=duckdb:/no/such/folder/x.duckdb"),
        containsString("does not exist"));
    assertThat(usageError("--colour=red"), containsString("unknown option --colour"));
    assertThat(usageError("--pages"), containsString("--pages needs a value"));
    assertThat(usageError("--seed=1", "--seed=2"), containsString("given twice"));
    assertThat(usageError("extra"), containsString("unexpected argument 'extra'"));
    for (String m : new String[] {usageError("--pages=x"), usageError("--now=2026-13-01")}) {
      assertThat(m, not(containsString("\n")));
    }
  }

  @Test
  void theLauncherExitsWithTwoOnBadInput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Eros.execute(
            new String[] {"generate", "--pages=none"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code, equalTo(2));
    assertThat(
        err.toString(StandardCharsets.UTF_8).strip(),
        equalTo("eros generate: --pages=none is not a whole number; write it like --pages=60"));
  }
}
