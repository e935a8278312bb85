package com.eros.tools.oracle;

import com.eros.duckdb.DuckDbConnections;
import com.eros.pipelines.captionperformance.CaptionPerformanceConfig;
import com.eros.pipelines.captionperformance.CaptionStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The independent SQL oracle of the pipeline ({@code sql/reference/caption_performance.duckdb.sql})
 * and the comparison of its rows with the table the pipeline wrote. Used by the tests and by {@code
 * ./eros bench caption-performance}; DuckDB only.
 */
public final class CaptionPerformanceOracle {
  /** Where the oracle lives in the repository. */
  public static final String SQL_PATH = "sql/reference/caption_performance.duckdb.sql";

  /** Relative tolerance on floating-point columns. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /**
   * Absolute floor of the tolerance, for values that are 0 in exact arithmetic and a few ulps of
   * rounding noise in floating point (for example a Wilson lower bound with no success).
   */
  public static final double ABSOLUTE_TOLERANCE = 1e-12;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$([a-z_]+)");

  private CaptionPerformanceOracle() {}

  /**
   * Finds the SQL file: under the working folder or one of its parents, or beside the bundled jar.
   */
  public static Path locate() {
    List<Path> tried = new ArrayList<>();
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path p = dir.resolve(SQL_PATH);
      tried.add(p);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    try {
      Path jar =
          Path.of(
              CaptionPerformanceOracle.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      for (Path d = jar.getParent(); d != null; d = d.getParent()) {
        Path p = d.resolve(SQL_PATH);
        tried.add(p);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the error below
    }
    throw new IllegalStateException(
        "cannot find " + SQL_PATH + " (looked at " + tried + "); run from the repository");
  }

  /** The oracle query with the run's parameters substituted. */
  public static String sql(CaptionPerformanceConfig cfg) {
    String template;
    try {
      template = Files.readString(locate(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return substitute(template, cfg);
  }

  static String substitute(String template, CaptionPerformanceConfig cfg) {
    Map<String, String> values = new HashMap<>();
    values.put("as_of_us", Long.toString(cfg.asOfMicros()));
    values.put("median_window_days", Integer.toString(cfg.medianWindowDays()));
    values.put("stats_window_days", Integer.toString(cfg.statsWindowDays()));
    // doubles as strings, parsed by DuckDB's (correctly rounded) double parser: same bits as Java
    values.put("half_life_days", "'" + cfg.halfLifeDays() + "'");
    values.put("z", "'" + cfg.z() + "'");
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException("unknown parameter $" + m.group(1) + " in " + SQL_PATH);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Runs the oracle on a DuckDB file. */
  public static List<CaptionStats> run(String duckDbPath, CaptionPerformanceConfig cfg) {
    return read(
        duckDbPath,
        "SELECT * REPLACE (epoch_us(last_used) AS last_used, epoch_us(last_updated) AS last_updated) FROM ("
            + stripTrailingSemicolon(sql(cfg))
            + ")");
  }

  /** Reads caption_bandit_stats as the pipeline wrote it. */
  public static List<CaptionStats> readTable(String duckDbPath) {
    return read(
        duckDbPath,
        "SELECT * REPLACE (epoch_us(last_used) AS last_used, epoch_us(last_updated) AS last_updated)"
            + " FROM caption_bandit_stats");
  }

  private static String stripTrailingSemicolon(String sql) {
    String s = sql.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  private static List<CaptionStats> read(String path, String sql) {
    List<CaptionStats> out = new ArrayList<>();
    try (Connection c = DuckDbConnections.connect(path);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(
            new CaptionStats(
                rs.getString("page_name"),
                rs.getLong("caption_id"),
                rs.getLong("successes"),
                rs.getLong("failures"),
                rs.getLong("total_observations"),
                rs.getDouble("effective_successes"),
                rs.getDouble("effective_failures"),
                rs.getDouble("confidence_lower_bound"),
                rs.getDouble("confidence_upper_bound"),
                rs.getDouble("posterior_alpha"),
                rs.getDouble("posterior_beta"),
                rs.getDouble("exploration_score"),
                rs.getDouble("avg_emv"),
                rs.getDouble("last_emv_observed"),
                rs.getDouble("total_revenue"),
                rs.getDouble("avg_conversion_rate"),
                rs.getLong("performance_percentile"),
                rs.getLong("last_used"),
                rs.getLong("last_updated")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("oracle query failed on " + path + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The differences between two row sets keyed by (page_name, caption_id): missing or extra keys,
   * integers that differ, floats that differ beyond the tolerance. Empty when they agree.
   */
  public static List<String> differences(List<CaptionStats> expected, List<CaptionStats> actual) {
    Map<String, CaptionStats> e = byKey(expected, "expected");
    Map<String, CaptionStats> a = byKey(actual, "actual");
    List<String> diffs = new ArrayList<>();
    for (String k : e.keySet()) {
      if (!a.containsKey(k)) {
        diffs.add("missing row " + k);
      }
    }
    for (String k : a.keySet()) {
      if (!e.containsKey(k)) {
        diffs.add("extra row " + k);
      }
    }
    for (Map.Entry<String, CaptionStats> en : e.entrySet()) {
      CaptionStats x = en.getValue();
      CaptionStats y = a.get(en.getKey());
      if (y == null) {
        continue;
      }
      String k = en.getKey();
      exact(diffs, k, "successes", x.successes(), y.successes());
      exact(diffs, k, "failures", x.failures(), y.failures());
      exact(diffs, k, "total_observations", x.totalObservations(), y.totalObservations());
      close(diffs, k, "effective_successes", x.effectiveSuccesses(), y.effectiveSuccesses());
      close(diffs, k, "effective_failures", x.effectiveFailures(), y.effectiveFailures());
      close(diffs, k, "confidence_lower_bound", x.confidenceLowerBound(), y.confidenceLowerBound());
      close(diffs, k, "confidence_upper_bound", x.confidenceUpperBound(), y.confidenceUpperBound());
      close(diffs, k, "posterior_alpha", x.posteriorAlpha(), y.posteriorAlpha());
      close(diffs, k, "posterior_beta", x.posteriorBeta(), y.posteriorBeta());
      close(diffs, k, "exploration_score", x.explorationScore(), y.explorationScore());
      close(diffs, k, "avg_emv", x.avgEmv(), y.avgEmv());
      close(diffs, k, "last_emv_observed", x.lastEmvObserved(), y.lastEmvObserved());
      close(diffs, k, "total_revenue", x.totalRevenue(), y.totalRevenue());
      close(diffs, k, "avg_conversion_rate", x.avgConversionRate(), y.avgConversionRate());
      exact(
          diffs, k, "performance_percentile", x.performancePercentile(), y.performancePercentile());
      exact(diffs, k, "last_used", x.lastUsedMicros(), y.lastUsedMicros());
      exact(diffs, k, "last_updated", x.lastUpdatedMicros(), y.lastUpdatedMicros());
    }
    return diffs;
  }

  /** Whether two doubles agree within the tolerance. */
  public static boolean close(double x, double y) {
    if (Double.compare(x, y) == 0) {
      return true;
    }
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return false;
    }
    return Math.abs(x - y)
        <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) + ABSOLUTE_TOLERANCE;
  }

  private static Map<String, CaptionStats> byKey(List<CaptionStats> rows, String side) {
    Map<String, CaptionStats> m = new TreeMap<>();
    for (CaptionStats r : rows) {
      String k = r.pageName() + "/" + r.captionId();
      if (m.put(k, r) != null) {
        throw new IllegalStateException(side + " has two rows for " + k);
      }
    }
    return m;
  }

  private static void exact(List<String> diffs, String key, String col, long x, long y) {
    if (x != y) {
      diffs.add(key + " " + col + ": expected " + x + ", got " + y);
    }
  }

  private static void close(List<String> diffs, String key, String col, double x, double y) {
    if (!close(x, y)) {
      diffs.add(key + " " + col + ": expected " + x + ", got " + y);
    }
  }
}
