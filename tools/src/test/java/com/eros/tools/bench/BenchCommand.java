package com.eros.tools.bench;

import com.eros.tools.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** {@code ./eros bench ARGS} in this JVM, its output collected in {@code buf}. */
final class BenchCommand {
  private BenchCommand() {}

  static int run(ByteArrayOutputStream buf, String... args) throws Exception {
    return Commands.find("bench")
        .orElseThrow()
        .run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
  }
}
