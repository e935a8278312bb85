package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.TableDef;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobReference;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BigQueryJobsTest {
  private final RecordingJobService jobs = new RecordingJobService();

  @BeforeEach
  void reset() {
    RecordingJobService.reset();
  }

  @Test
  void commitJobIdsAreDeterministicPerTableRunAndWrite() {
    String base = BigQueryJobs.commitJobBase("rejected_rows", "run-2024-01-01", "rejects");
    assertThat(
        BigQueryJobs.commitJobBase("rejected_rows", "run-2024-01-01", "rejects"), equalTo(base));
    assertThat(
        base, matchesPattern("eros_commit_rejected_rows_rejects_run_2024_01_01_[0-9a-f]{16}"));
    assertThat(
        BigQueryJobs.commitJobBase("rejected_rows", "run-2024-01-02", "rejects"),
        not(equalTo(base)));
    assertThat(
        BigQueryJobs.commitJobBase("rejected_rows", "run-2024-01-01", "rejects2"),
        not(equalTo(base)));
    assertThat(
        BigQueryJobs.commitJobBase("etl_job_runs", "run-2024-01-01", "rejects"),
        not(equalTo(base)));
    // runs whose ids differ only in characters that are cleaned away still get distinct jobs
    assertThat(
        BigQueryJobs.commitJobBase("t", "a.b", "w"),
        not(equalTo(BigQueryJobs.commitJobBase("t", "a_b", "w"))));
    assertThat(BigQueryJobs.attemptJobId(base, 1), equalTo(base + "_a1"));
    String longOne = BigQueryJobs.commitJobBase("t", "r".repeat(5000), "w");
    assertThat(longOne.length(), lessThanOrEqualTo(1024));
  }

  @Test
  void stagingTablesAreValidNamesPerRunAndWrite() {
    String s = BigQueryJobs.stagingTable("rejected_rows", "job:2024/01/01 x", "rejects");
    assertThat(TableDef.checkIdentifier(s), equalTo(s));
    assertThat(s, matchesPattern("_stg_rejected_rows_rejects_job_2024_01_01_x_[0-9a-f]{8}"));
    assertThat(
        BigQueryJobs.stagingTable("rejected_rows", "job:2024/01/01 x", "rejects"), equalTo(s));
    assertThat(
        BigQueryJobs.stagingTable("rejected_rows", "job:2024/01/02 x", "rejects"), not(equalTo(s)));
  }

  @Test
  void aRetriedStatementFindsItsJobAndDoesNotRunTwice() throws Exception {
    RecordingJobService.AFFECTED_ROWS.set(7);
    Job first = BigQueryJobs.runOnce(jobs, "my-project", "EU", "base", "UPDATE x");
    RecordingJobService.AFFECTED_ROWS.set(99); // a second execution would report this
    Job second = BigQueryJobs.runOnce(jobs, "my-project", "EU", "base", "UPDATE x");
    assertThat(RecordingJobService.QUERIES, hasSize(1));
    assertThat(RecordingJobService.QUERIES.get(0).jobId(), equalTo("base_a0"));
    assertThat(RecordingJobService.QUERIES.get(0).location(), equalTo("EU"));
    assertThat(BigQueryJobs.dmlAffectedRows(first), equalTo(7L));
    assertThat(BigQueryJobs.dmlAffectedRows(second), equalTo(7L));
  }

  @Test
  void aFailedJobIsFollowedByTheNextAttemptId() throws Exception {
    RecordingJobService.FAIL_NEXT.set(1);
    RecordingJobService.AFFECTED_ROWS.set(3);
    Job job = BigQueryJobs.runOnce(jobs, "my-project", null, "base", "MERGE x");
    assertThat(RecordingJobService.QUERIES, hasSize(2));
    assertThat(RecordingJobService.QUERIES.get(1).jobId(), equalTo("base_a1"));
    assertThat(job.getJobReference().getJobId(), equalTo("base_a1"));
    // a retry of the whole bundle now reuses the failed a0 (skipped) and the successful a1
    BigQueryJobs.runOnce(jobs, "my-project", null, "base", "MERGE x");
    assertThat(RecordingJobService.QUERIES, hasSize(2));
  }

  @Test
  void aStatementThatKeepsFailingSaysWhy() {
    RecordingJobService.FAIL_NEXT.set(BigQueryJobs.MAX_ATTEMPTS);
    IOException e =
        assertThrows(
            IOException.class,
            () -> BigQueryJobs.runOnce(jobs, "my-project", null, "base", "MERGE x"));
    assertThat(e.getMessage(), containsString("scripted failure"));
    assertThat(e.getMessage(), containsString("base_a2"));
    assertThat(RecordingJobService.QUERIES, hasSize(BigQueryJobs.MAX_ATTEMPTS));
  }

  @Test
  void aJobInsertedConcurrentlyIsAwaitedNotRepeated() throws Exception {
    // another worker inserts base_a0 between our lookup and our insert: BigQuery answers 409
    RecordingJobService racing =
        new RecordingJobService() {
          private boolean raced;

          @Override
          public Job getJob(JobReference ref) {
            if (!raced) {
              raced = true;
              try {
                new RecordingJobService().startQueryJob(ref, BigQueryJobs.queryConfig("MERGE x"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              return null;
            }
            return super.getJob(ref);
          }
        };
    RecordingJobService.AFFECTED_ROWS.set(5);
    Job job = BigQueryJobs.runOnce(racing, "my-project", null, "base", "MERGE x");
    assertThat(RecordingJobService.QUERIES, hasSize(1));
    assertThat(BigQueryJobs.dmlAffectedRows(job), equalTo(5L));
  }
}
