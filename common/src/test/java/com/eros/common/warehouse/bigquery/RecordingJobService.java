package com.eros.common.warehouse.bigquery;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.AbstractInputStreamContent;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfiguration;
import com.google.api.services.bigquery.model.JobConfigurationExtract;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics2;
import com.google.api.services.bigquery.model.JobStatus;
import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.JobService;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;

/**
 * Test JobService: load, copy and extract jobs go to Beam's {@link FakeJobService} (which runs them
 * against {@link FakeDatasetService}); query jobs, which the fake cannot execute, are recorded
 * instead (id, SQL, and a snapshot of a watched table at that moment) and finish DONE with a
 * scripted numDmlAffectedRows, or FAILED when told. Like BigQuery, inserting a job id twice is
 * refused with 409. State is static (shared with the copies a pipeline deserializes).
 */
class RecordingJobService implements JobService, Serializable {
  private static final long serialVersionUID = 1L;

  /** A query job as it was started. */
  record Started(
      String jobId,
      String location,
      String sql,
      List<TableRow> watchedRows,
      Long watchedExpiration) {}

  static final List<Started> QUERIES = Collections.synchronizedList(new ArrayList<>());

  /** Every load job configuration, in start order. */
  static final List<JobConfigurationLoad> LOADS = Collections.synchronizedList(new ArrayList<>());

  private static final Map<String, Job> JOBS = new ConcurrentHashMap<>();
  static final AtomicLong AFFECTED_ROWS = new AtomicLong();
  static final AtomicInteger FAIL_NEXT = new AtomicInteger();

  /** project, dataset, table whose rows are snapshotted when a query starts (null: none). */
  static volatile String[] watched;

  /** Clears the recorded jobs and the static state of Beam's fakes (tables, datasets, jobs). */
  static void reset() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    QUERIES.clear();
    LOADS.clear();
    JOBS.clear();
    AFFECTED_ROWS.set(0);
    FAIL_NEXT.set(0);
    watched = null;
  }

  private final FakeJobService loads = new FakeJobService();

  @Override
  public void startQueryJob(JobReference ref, JobConfigurationQuery query) throws IOException {
    if (JOBS.containsKey(ref.getJobId())) {
      throw new GoogleJsonResponseException(
          new HttpResponseException.Builder(409, "Conflict", new HttpHeaders()),
          new GoogleJsonError().set("message", "Already Exists: Job " + ref.getJobId()));
    }
    List<TableRow> snapshot = List.of();
    Long expiration = null;
    String[] w = watched;
    if (w != null) {
      try {
        snapshot = new FakeDatasetService().getAllRows(w[0], w[1], w[2]);
        com.google.api.services.bigquery.model.Table t =
            new FakeDatasetService()
                .getTable(
                    new com.google.api.services.bigquery.model.TableReference()
                        .setProjectId(w[0])
                        .setDatasetId(w[1])
                        .setTableId(w[2]));
        expiration = t == null ? null : t.getExpirationTime();
      } catch (IOException | InterruptedException e) {
        snapshot = null; // the watched table did not exist
      }
    }
    QUERIES.add(
        new Started(ref.getJobId(), ref.getLocation(), query.getQuery(), snapshot, expiration));
    JobStatus status = new JobStatus().setState("DONE");
    if (FAIL_NEXT.get() > 0) {
      FAIL_NEXT.decrementAndGet();
      status.setErrorResult(
          new ErrorProto().setReason("invalidQuery").setMessage("scripted failure"));
    }
    JOBS.put(
        ref.getJobId(),
        new Job()
            .setJobReference(ref)
            .setConfiguration(new JobConfiguration().setQuery(query))
            .setStatus(status)
            .setStatistics(
                new JobStatistics()
                    .setQuery(new JobStatistics2().setNumDmlAffectedRows(AFFECTED_ROWS.get()))));
  }

  @Override
  public Job getJob(JobReference ref) {
    Job j = JOBS.get(ref.getJobId());
    return j != null ? j.clone() : loads.getJob(ref);
  }

  @Override
  public Job pollJob(JobReference ref, int maxAttempts) throws InterruptedException {
    Job j = JOBS.get(ref.getJobId());
    return j != null ? j.clone() : loads.pollJob(ref, maxAttempts);
  }

  @Override
  public void startLoadJob(JobReference ref, JobConfigurationLoad config) throws IOException {
    LOADS.add(config.clone());
    loads.startLoadJob(ref, config);
    finish(ref);
  }

  /**
   * Runs a job of the Beam fake now: it only executes a job on the fifth status lookup, and Beam
   * polls load jobs with backoff of a second and more, which would cost seconds per load.
   */
  private void finish(JobReference ref) {
    for (int i = 0; i < 5; i++) {
      Job j = loads.getJob(ref);
      if (j == null
          || "DONE".equals(j.getStatus().getState())
          || "FAILED".equals(j.getStatus().getState())) {
        return;
      }
    }
  }

  @Override
  public void startLoadJob(
      JobReference ref, JobConfigurationLoad config, AbstractInputStreamContent content)
      throws IOException, InterruptedException {
    loads.startLoadJob(ref, config, content);
    finish(ref);
  }

  @Override
  public void startExtractJob(JobReference ref, JobConfigurationExtract config) throws IOException {
    loads.startExtractJob(ref, config);
  }

  @Override
  public void startCopyJob(JobReference ref, JobConfigurationTableCopy config) throws IOException {
    loads.startCopyJob(ref, config);
    finish(ref);
  }

  @Override
  public JobStatistics dryRunQuery(String projectId, JobConfigurationQuery query, String location) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
