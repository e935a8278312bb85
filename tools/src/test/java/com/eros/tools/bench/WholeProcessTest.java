package com.eros.tools.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeProcessTest {
  @Test
  void aChildJvmLikeThisOneRunsAndReportsItsExitCodeAndStderr() throws Exception {
    List<String> cmd = WholeProcess.javaCommand(OracleMain.class.getName(), List.of());
    assertThat(cmd, hasItem("-Deros.phases"));
    assertThat(cmd, hasItem(OracleMain.class.getName()));
    WholeProcess.Result r = WholeProcess.run(cmd); // no arguments: the usage line and exit 2
    assertThat(r.exitCode(), is(2));
    assertThat(r.stderrTail(), containsString("usage: OracleMain DUCKDB_PATH AS_OF"));
    assertThat(r.seconds(), greaterThan(0.0));
    assertThat(r.phases().isEmpty(), is(true));
  }
}
