package com.eros.tools.cli;

import com.eros.common.table.BigQueryDdl;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.pipelines.support.UsageException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the BigQuery DDL of every table (sql/ddl/*.sql) from the Java definitions. */
final class DdlCommand implements Command {
  @Override
  public String name() {
    return "ddl";
  }

  @Override
  public String summary() {
    return "write the BigQuery DDL of every table to sql/ddl/ (--out=DIR)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Path dir = Path.of("sql", "ddl");
    for (String a : args) {
      if (a.startsWith("--out=")) {
        dir = Path.of(a.substring("--out=".length()));
      } else if (a.equals("--help")) {
        out.println(
            "./eros ddl [--out=DIR]: writes DIR/<table>.sql for every table (default sql/ddl)");
        return 0;
      } else {
        throw new UsageException("unknown option " + a + " (ddl takes --out=DIR)");
      }
    }
    Files.createDirectories(dir);
    for (TableDef t : Tables.ALL) {
      Files.writeString(
          dir.resolve(t.name() + ".sql"), BigQueryDdl.render(t), StandardCharsets.UTF_8);
    }
    out.println("wrote " + Tables.ALL.size() + " files to " + dir);
    return 0;
  }
}
