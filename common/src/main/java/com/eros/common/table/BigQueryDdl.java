package com.eros.common.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigQuery DDL derived from a {@link TableDef}: the text of {@code sql/ddl/<table>.sql}. The
 * dataset is the placeholder {@code ${dataset}} (for example {@code sed
 * 's/${dataset}/my-proj.eros/'}).
 */
public final class BigQueryDdl {
  public static final String DATASET_PLACEHOLDER = "${dataset}";

  private BigQueryDdl() {}

  public static String render(TableDef t) {
    StringBuilder sb = new StringBuilder();
    sb.append("-- ").append(t.name()).append(": ").append(t.description()).append('\n');
    sb.append(
        "-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.\n");
    sb.append("CREATE TABLE IF NOT EXISTS `")
        .append(DATASET_PLACEHOLDER)
        .append('.')
        .append(t.name())
        .append("` (\n");
    List<Column> cols = t.columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      sb.append("  ").append(c.name()).append(' ').append(c.type().bigQuery());
      if (c.required()) {
        sb.append(" NOT NULL");
      }
      sb.append(" OPTIONS(description=\"").append(c.description().replace("\"", "'")).append("\")");
      sb.append(i + 1 < cols.size() ? ",\n" : "\n");
    }
    sb.append(')');
    switch (t.partitionKind()) {
      case DATE_COLUMN -> sb.append("\nPARTITION BY ").append(t.partitionColumn());
      case TIMESTAMP_DAY ->
          sb.append("\nPARTITION BY DATE(").append(t.partitionColumn()).append(')');
      case NONE -> {}
    }
    if (!t.clusterBy().isEmpty()) {
      sb.append("\nCLUSTER BY ").append(String.join(", ", t.clusterBy()));
    }
    sb.append(";\n");
    return sb.toString();
  }

  /**
   * What a BigQuery DDL file declares, parsed back so that it can be compared with a definition.
   */
  public record Parsed(
      String table, List<Column> columns, String partition, List<String> clusterBy) {}

  private static final Pattern CREATE =
      Pattern.compile(
          "CREATE TABLE IF NOT EXISTS `\\$\\{dataset}\\.([A-Za-z0-9_]+)`\\s*\\(\\n(.*?)\\n\\)\\s*(PARTITION BY ([^\\n;]+))?\\s*(CLUSTER BY ([^;]+))?;",
          Pattern.DOTALL);
  private static final Pattern COLUMN =
      Pattern.compile(
          "\\s*([a-z][a-z0-9_]*)\\s+([A-Z0-9]+)(\\s+NOT NULL)?(\\s+OPTIONS\\(description=\"([^\"]*)\"\\))?\\s*");

  /** Parses a file written by {@link #render} (comments allowed); throws on anything else. */
  public static Parsed parse(String sql) {
    String body =
        sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    Matcher m = CREATE.matcher(body.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a CREATE TABLE statement of the expected form");
    }
    List<Column> cols = new ArrayList<>();
    for (String part : splitTopLevel(m.group(2))) {
      Matcher cm = COLUMN.matcher(part);
      if (!cm.matches()) {
        throw new IllegalArgumentException("cannot parse column: " + part.strip());
      }
      cols.add(
          new Column(
              cm.group(1),
              ColumnType.fromBigQuery(cm.group(2).toUpperCase(Locale.ROOT)),
              cm.group(3) != null,
              cm.group(5) == null ? "" : cm.group(5)));
    }
    String partition = m.group(4) == null ? null : m.group(4).strip();
    List<String> cluster = new ArrayList<>();
    if (m.group(6) != null) {
      for (String c : m.group(6).split(",")) {
        cluster.add(c.strip());
      }
    }
    return new Parsed(m.group(1), cols, partition, cluster);
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && ch == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    if (!s.substring(start).isBlank()) {
      parts.add(s.substring(start));
    }
    return parts;
  }
}
