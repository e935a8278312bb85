package com.eros.common.warehouse.bigquery;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.JobService;

/**
 * Names derived from a run (staging tables, job ids) and the runner of a statement job that is safe
 * under retries.
 *
 * <p>A commit statement runs as a query job whose id is derived from (table, write, run): a retried
 * bundle asks for the same job id, finds the job already exists (BigQuery answers 409 to a second
 * insert) and waits for it and uses its result instead of running the statement twice. A job that
 * FAILED changed nothing (a DML statement or a transaction is atomic), so the runner then moves to
 * the next attempt id ({@code …_a1}, {@code …_a2}), deterministically too.
 */
public final class BigQueryJobs {
  /** Attempt ids tried before a statement is declared failed. */
  public static final int MAX_ATTEMPTS = 3;

  /**
   * How long a staging table lives: created with this expiration, so that the staging table of a
   * run that was killed before its commit dropped it is deleted by BigQuery.
   */
  public static final Duration STAGING_TTL = Duration.ofDays(1);

  private static final int MAX_NAME_PART = 200;

  private BigQueryJobs() {}

  /**
   * The staging table of a write: {@code _stg_<table>_<write>_<run>_<hash>}, a valid table name.
   */
  public static String stagingTable(String table, String runId, String writeName) {
    return name("_stg_", table, runId, writeName, 8);
  }

  /**
   * The base id of the commit job of a write: the same for every retry of the same (table, run,
   * write). Job ids allow letters, digits, '_' and '-'; see {@link #attemptJobId}.
   */
  public static String commitJobBase(String table, String runId, String writeName) {
    return name("eros_commit_", table, runId, writeName, 16);
  }

  /**
   * The base id of the job that sets the expiration of a write's staging table (see {@link
   * BigQuerySql#expireTable}).
   */
  public static String expiryJobBase(String table, String runId, String writeName) {
    return name("eros_expire_", table, runId, writeName, 16);
  }

  /** {@code prefix}, the cleaned table, write and run names, and a hash of the three. */
  private static String name(
      String prefix, String table, String runId, String writeName, int hashHexChars) {
    return prefix
        + String.join(
            "_",
            clean(table),
            clean(writeName),
            clean(runId),
            hash(table, writeName, runId, hashHexChars));
  }

  /** The job id of attempt {@code attempt} (0-based) of the work named {@code base}. */
  public static String attemptJobId(String base, int attempt) {
    return base + "_a" + attempt;
  }

  /**
   * Replaces characters outside [A-Za-z0-9_] and bounds the length (the hash keeps names distinct).
   */
  static String clean(String s) {
    String c = s.replaceAll("[^A-Za-z0-9_]", "_");
    return c.length() > MAX_NAME_PART ? c.substring(0, MAX_NAME_PART) : c;
  }

  static String hash(String table, String writeName, String runId, int hexChars) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d =
          md.digest(
              (table + "\u0000" + writeName + "\u0000" + runId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A standard-SQL interactive query job configuration for a statement or script. */
  public static JobConfigurationQuery queryConfig(String sql) {
    return new JobConfigurationQuery()
        .setQuery(sql)
        .setUseLegacySql(false)
        .setPriority("INTERACTIVE");
  }

  /** Rows changed by a finished DML job (0 when BigQuery reports none). */
  public static long dmlAffectedRows(Job job) {
    JobStatistics s = job.getStatistics();
    JobStatistics2 q = s == null ? null : s.getQuery();
    Long n = q == null ? null : q.getNumDmlAffectedRows();
    return n == null ? 0L : n;
  }

  /**
   * Runs {@code sql} as the job {@link #attemptJobId attemptJobId(baseJobId, attempt)}, reusing a
   * job that already exists under that id (started by an earlier try of the same work) and moving
   * to the next attempt id only when that job failed. Returns the finished, successful job.
   *
   * @param location the dataset's location (null: BigQuery's default), needed to look jobs up
   */
  public static Job runOnce(
      JobService jobs, String project, String location, String baseJobId, String sql)
      throws IOException, InterruptedException {
    String lastError = null;
    String lastId = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String id = attemptJobId(baseJobId, attempt);
      JobReference ref = new JobReference().setProjectId(project).setJobId(id);
      if (location != null) {
        ref.setLocation(location);
      }
      lastId = id;
      Job existing = jobs.getJob(ref);
      if (existing == null) {
        try {
          jobs.startQueryJob(ref, queryConfig(sql));
        } catch (GoogleJsonResponseException e) {
          if (e.getStatusCode() != 409) {
            throw e;
          }
          // another try of the same work inserted it first: wait for that job below
        }
      }
      Job done = jobs.pollJob(ref, Integer.MAX_VALUE);
      if (done == null) {
        throw new IOException("BigQuery job " + id + " did not finish");
      }
      ErrorProto err = done.getStatus() == null ? null : done.getStatus().getErrorResult();
      if (err == null) {
        return done;
      }
      lastError = err.getMessage() != null ? err.getMessage() : String.valueOf(err.getReason());
    }
    throw new IOException(
        "BigQuery statement failed in "
            + MAX_ATTEMPTS
            + " attempts (last job "
            + lastId
            + "): "
            + lastError);
  }
}
