package com.eros.pipelines.templates;

/**
 * What a template parameter holds, with one value its regexes must accept and one obviously bad
 * value they must reject. Number and boolean options get their kind from their Java type; each
 * String option is given its kind in {@link TemplatePipelines}.
 */
enum SampleKind {
  /** --warehouse on Dataflow: only BigQuery makes sense there (a DuckDB file would be per worker). */
  BIGQUERY_WAREHOUSE("bigquery:test-project.eros", "not-a-warehouse"),
  /** A run id (also used to name staging tables). */
  RUN_ID("2026-03-08_caption-performance_1", "a b;drop table x"),
  /** A Los Angeles calendar date. */
  DATE("2026-03-08", "2026-13-45"),
  /** An instant, ISO-8601 in UTC or with an offset. */
  INSTANT("2026-03-08T10:15:30Z", "2026-13-45T99:00:00Z"),
  /** A file a pipeline reads on Dataflow (a gs:// object). */
  GCS_FILE("gs://eros-bucket/config/alert-rules.yaml", "not a path"),
  /** A file a pipeline writes on Dataflow (a gs:// object). */
  GCS_OUTPUT_FILE("gs://eros-bucket/reports/eros-report.html", "not a path"),
  /** A Secret Manager secret (version) resource name. */
  SECRET_NAME("projects/eros-prod/secrets/eros-slack-webhook/versions/latest", "eros-slack-webhook"),
  /** An https endpoint (plain http is refused). */
  HTTPS_URL("https://events.pagerduty.com/v2/enqueue", "http://events.pagerduty.com/v2/enqueue"),
  /** E-mail addresses, comma-separated. */
  EMAIL_LIST("oncall@example.com, ops@example.com", "oncall at example dot com"),
  /** One e-mail address. */
  EMAIL("eros-alerts@example.com", "eros-alerts@"),
  /** A host name. */
  HOSTNAME("smtp.example.com", "smtp example com"),
  /** How an SMTP connection is secured on Dataflow. */
  SMTP_TLS("TLS", "SSLv3"),
  /** An SMTP user name. */
  SMTP_USER("eros-alerts@example.com", "two words"),
  INTEGER("5", "abc"),
  DECIMAL("1.96", "abc"),
  BOOLEAN("true", "maybe");

  final String good;
  final String bad;

  SampleKind(String good, String bad) {
    this.good = good;
    this.bad = bad;
  }

  /** The kind of a non-String option, from its Java type; null for String options. */
  static SampleKind ofType(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return INTEGER;
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return DECIMAL;
    }
    if (type == boolean.class || type == Boolean.class) {
      return BOOLEAN;
    }
    return null;
  }
}
