package com.eros.common.warehouse.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.testing.Pipelines;
import com.eros.common.validate.RejectedRows;
import com.eros.common.warehouse.Filter;
import com.eros.common.warehouse.ReadSpec;
import com.eros.common.warehouse.WriteSpec;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against Beam's in-memory BigQuery fakes; no network. */
class BigQueryWarehouseTest {
  private static final String PROJECT = "eros-test-proj";
  private static final String DATASET = "eros_it";
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path temp;
  private FakeDatasetService datasets;
  private BigQueryWarehouse wh;

  @BeforeEach
  void setUp() throws Exception {
    RecordingJobService.reset();
    FakeStorageReadServer.reset();
    datasets = new FakeDatasetService();
    datasets.createDataset(PROJECT, DATASET, "EU", "", null);
    FakeBigQueryServices services =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new RecordingJobService())
            .withStorageClient(new FakeStorageReadServer());
    wh = new BigQueryWarehouse(PROJECT, DATASET, services);
  }

  private Pipeline pipeline() {
    Pipeline p = Pipelines.create();
    p.getOptions().setTempLocation(temp.toString());
    return p;
  }

  private static TableReference ref(String table) {
    return new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId(table);
  }

  private static Row message(long id, String page, Long captionId, Instant sent, double earnings) {
    return Row.withSchema(Tables.MASS_MESSAGES.schema())
        .addValues(id, page, captionId, "text " + id, sent, 9.99, 100L, 50L, 5L, earnings, "PAID")
        .build();
  }

  /** Rows as the fake stores them after a load (strings as in BigQuery's JSON). */
  private static TableRow messageRow(long id, String page, String sendingTime) {
    TableRow r =
        new TableRow()
            .set("message_id", String.valueOf(id))
            .set("page_name", page)
            .set("caption_id", null)
            .set("message", "m" + id)
            .set("price", "1.5")
            .set("sent_count", "10")
            .set("viewed_count", "5")
            .set("purchased_count", "1")
            .set("earnings", "2.25")
            .set("message_type", "PAID");
    if (sendingTime != null) {
      r.set("sending_time", sendingTime);
    }
    return r;
  }

  @Test
  void isASerializableValue() {
    BigQueryWarehouse copy = SerializableUtils.clone(wh);
    assertThat(copy.spec(), equalTo("bigquery:eros-test-proj.eros_it"));
    assertThat(copy.project(), equalTo(PROJECT));
    assertThat(copy.dataset(), equalTo(DATASET));
    assertThat(
        new BigQueryWarehouse("my-project", "ds").toString(), equalTo("bigquery:my-project.ds"));
    assertThrows(
        IllegalArgumentException.class, () -> new BigQueryWarehouse("my-project", "bad-dataset"));
    assertThrows(IllegalArgumentException.class, () -> new BigQueryWarehouse("x", "ds"));
  }

  @Test
  void ensureTablesCreatesAbsentTablesWithPartitioningAndClustering() throws Exception {
    wh.ensureTables(List.of(Tables.SCHEDULE_GENERATION_QUEUE, Tables.CAPTION_BANK));
    Table q = datasets.getTable(ref("schedule_generation_queue"));
    assertThat(q, notNullValue());
    assertThat(q.getTimePartitioning().getType(), equalTo("DAY"));
    assertThat(q.getTimePartitioning().getField(), equalTo("execution_date"));
    assertThat(q.getClustering().getFields(), equalTo(List.of("status", "page_name")));
    assertThat(
        q.getSchema().getFields(), hasSize(Tables.SCHEDULE_GENERATION_QUEUE.columns().size()));
    Table c = datasets.getTable(ref("caption_bank"));
    assertThat(c.getTimePartitioning(), nullValue());
    assertThat(c.getClustering().getFields(), equalTo(List.of("page_name")));

    datasets.insertAll(
        ref("caption_bank"),
        List.of(new TableRow().set("caption_id", "1").set("caption_text", "hi")),
        null);
    wh.ensureTables(List.of(Tables.CAPTION_BANK)); // present: left alone
    assertThat(datasets.getAllRows(PROJECT, DATASET, "caption_bank"), hasSize(1));
  }

  @Test
  void queryReadsTheProjectionThroughTheStorageApiWithTypedValues() throws Exception {
    assertThat(wh.query(Tables.MASS_MESSAGES, ReadSpec.all()), empty()); // absent table: no rows
    wh.ensureTables(List.of(Tables.MASS_MESSAGES));
    datasets.insertAll(
        ref("mass_messages"),
        List.of(
            messageRow(1, "alice", "2024-05-01 10:00:00.123456 UTC"), messageRow(2, "bob", null)),
        null);

    ReadSpec spec =
        ReadSpec.columns("message_id", "sending_time", "page_name", "earnings")
            .where(Filter.betweenOrNull("sending_time", T0, T0.plusSeconds(3600)));
    List<Row> rows = wh.query(Tables.MASS_MESSAGES, spec);

    assertThat(rows, hasSize(2));
    Map<Long, Row> byId = new TreeMap<>();
    rows.forEach(r -> byId.put(r.getInt64("message_id"), r));
    Row a = byId.get(1L);
    assertThat(a.getSchema(), equalTo(spec.schema(Tables.MASS_MESSAGES)));
    assertThat(
        Timestamps.get(a, "sending_time"),
        equalTo(T0.plusNanos(123_456_000))); // every microsecond kept
    assertThat(a.getString("page_name"), equalTo("alice"));
    assertThat(a.getDouble("earnings"), equalTo(2.25));
    assertThat(Timestamps.get(byId.get(2L), "sending_time"), nullValue());

    CreateReadSessionRequest req =
        FakeStorageReadServer.SESSIONS.get(FakeStorageReadServer.SESSIONS.size() - 1);
    assertThat(req.getParent(), equalTo("projects/" + PROJECT));
    assertThat(
        req.getReadSession().getTable(),
        equalTo("projects/eros-test-proj/datasets/eros_it/tables/mass_messages"));
    assertThat(
        req.getReadSession().getReadOptions().getSelectedFieldsList(),
        equalTo(List.of("message_id", "sending_time", "page_name", "earnings")));
    assertThat(
        req.getReadSession().getReadOptions().getRowRestriction(),
        equalTo(
            "(sending_time IS NULL OR (sending_time >= TIMESTAMP '2024-05-01 10:00:00.000000+00'"
                + " AND sending_time < TIMESTAMP '2024-05-01 11:00:00.000000+00'))"));

    // DATE and REQUIRED columns of a full-schema read
    wh.ensureTables(List.of(Tables.SCHEDULE_GENERATION_QUEUE));
    datasets.insertAll(
        ref("schedule_generation_queue"),
        List.of(
            new TableRow()
                .set("page_name", "bob")
                .set("execution_date", "2024-12-31")
                .set("queued_at", "2024-12-31 23:59:59.999 UTC")
                .set("status", "PENDING")),
        null);
    List<Row> queue = wh.query(Tables.SCHEDULE_GENERATION_QUEUE, ReadSpec.all());
    assertThat(queue, hasSize(1));
    assertThat(queue.get(0).getSchema(), equalTo(Tables.SCHEDULE_GENERATION_QUEUE.schema()));
    assertThat(
        queue.get(0).getLogicalTypeValue("execution_date", LocalDate.class),
        equalTo(LocalDate.of(2024, 12, 31)));
    assertThat(
        Timestamps.get(queue.get(0), "queued_at"),
        equalTo(Instant.parse("2024-12-31T23:59:59.999Z")));
    assertThat(Timestamps.get(queue.get(0), "processed_at"), nullValue());
  }

  @Test
  void readAndReadGroupedUseTheStorageApiWithProjectionAndRestriction() throws Exception {
    wh.ensureTables(List.of(Tables.MASS_MESSAGES));
    datasets.insertAll(
        ref("mass_messages"),
        List.of(
            messageRow(1, "alice", "2024-05-01 10:00:00 UTC"),
            messageRow(2, "alice", "2024-05-01T10:30:00.5Z"),
            messageRow(3, "bob", "2024-05-01 10:59:59.999 UTC"),
            messageRow(4, null, "2024-05-01 10:10:00 UTC")),
        null);
    ReadSpec spec =
        ReadSpec.columns("page_name", "message_id", "sending_time")
            .where(Filter.between("sending_time", T0, T0.plusSeconds(3600)))
            .where(Filter.eq("message_type", "PAID"));
    org.apache.beam.sdk.schemas.Schema schema = spec.schema(Tables.MASS_MESSAGES);

    wh.ensureTables(List.of(Tables.CREATOR_PERFORMANCE_PROFILES));
    datasets.insertAll(
        ref("creator_performance_profiles"),
        List.of(
            new TableRow()
                .set("page_name", "alice")
                .set("execution_date", "2024-02-29")
                .set("rpr", "0.5")),
        null);
    ReadSpec profileSpec =
        ReadSpec.columns("execution_date", "page_name", "rpr")
            .where(Filter.eq("execution_date", LocalDate.of(2024, 2, 29)));

    Pipeline p = pipeline();
    PCollection<Row> rows = p.apply(wh.read(Tables.MASS_MESSAGES, spec));
    PCollection<Row> profiles = p.apply(wh.read(Tables.CREATOR_PERFORMANCE_PROFILES, profileSpec));
    PAssert.that(profiles)
        .containsInAnyOrder(
            Row.withSchema(profileSpec.schema(Tables.CREATOR_PERFORMANCE_PROFILES))
                .addValues(LocalDate.of(2024, 2, 29), "alice", 0.5)
                .build());
    PCollection<KV<String, List<Row>>> groups =
        p.apply(wh.readGrouped(Tables.MASS_MESSAGES, spec, "page_name"));
    assertThat(rows.getSchema(), equalTo(schema));
    Row r1 = row(schema, "alice", 1L, "2024-05-01T10:00:00Z");
    Row r2 = row(schema, "alice", 2L, "2024-05-01T10:30:00.500Z");
    Row r3 = row(schema, "bob", 3L, "2024-05-01T10:59:59.999Z");
    Row r4 = row(schema, null, 4L, "2024-05-01T10:10:00Z");
    PAssert.that(rows).containsInAnyOrder(r1, r2, r3, r4);
    PAssert.that(groups)
        .satisfies(
            kvs -> {
              Map<String, List<Row>> byKey = new TreeMap<>();
              for (KV<String, List<Row>> kv : kvs) {
                assertThat(
                    "one element per key", byKey.put(kv.getKey(), kv.getValue()), nullValue());
              }
              assertThat(byKey.keySet(), containsInAnyOrder("", "alice", "bob"));
              assertThat(byKey.get("alice"), containsInAnyOrder(r1, r2));
              assertThat(byKey.get("bob"), containsInAnyOrder(r3));
              assertThat(byKey.get(""), containsInAnyOrder(r4));
              return null;
            });
    Pipelines.run(p);

    // the fake serves every row; what matters is what the read asked BigQuery for
    assertThat(FakeStorageReadServer.SESSIONS.size() >= 2, equalTo(true));
    for (CreateReadSessionRequest req : FakeStorageReadServer.SESSIONS) {
      if (req.getReadSession().getTable().endsWith("/creator_performance_profiles")) {
        assertThat(
            req.getReadSession().getReadOptions().getRowRestriction(),
            equalTo("execution_date = DATE '2024-02-29'"));
        continue;
      }
      assertThat(
          req.getReadSession().getTable(),
          equalTo("projects/eros-test-proj/datasets/eros_it/tables/mass_messages"));
      assertThat(
          req.getReadSession().getReadOptions().getSelectedFieldsList(),
          equalTo(List.of("page_name", "message_id", "sending_time")));
      assertThat(
          req.getReadSession().getReadOptions().getRowRestriction(),
          equalTo(
              "(sending_time >= TIMESTAMP '2024-05-01 10:00:00.000000+00' AND sending_time < TIMESTAMP '2024-05-01 11:00:00.000000+00')"
                  + " AND message_type = 'PAID'"));
    }
  }

  private static Row row(
      org.apache.beam.sdk.schemas.Schema schema, String page, long id, String sent) {
    return Row.withSchema(schema).addValues(page, id, Instant.parse(sent)).build();
  }

  @Test
  void badReadsAreRejectedWhenTheTransformIsBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            wh.read(
                Tables.MASS_MESSAGES,
                ReadSpec.all().where(Filter.atLeast("sending_time", LocalDate.of(2024, 1, 1)))));
    assertThrows(
        IllegalArgumentException.class,
        () -> wh.readGrouped(Tables.MASS_MESSAGES, ReadSpec.all(), "message_id"));
    assertThrows(
        IllegalArgumentException.class,
        () -> wh.readGrouped(Tables.MASS_MESSAGES, ReadSpec.columns("message_id"), "page_name"));
    assertThrows(
        IllegalArgumentException.class,
        () -> wh.write(Tables.REJECTED_ROWS, WriteSpec.insertIfAbsent("nope"), "r", "w"));
    // a write commits once per run: windowed input is refused when the pipeline is built
    Pipeline p = pipeline();
    PCollection<Row> windowed =
        p.apply("No sweeps", Create.empty(RowCoder.of(Tables.LOCK_SWEEP_LOG.schema())))
            .apply("Window", Window.into(FixedWindows.of(org.joda.time.Duration.standardHours(1))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> windowed.apply(wh.write(Tables.LOCK_SWEEP_LOG, WriteSpec.append(), "r", "w")));
    assertThat(
        e.getMessage(),
        startsWith("a BigQuery write handles globally windowed batch collections only"));
  }

  /** The load job that wrote {@code table}. */
  private static com.google.api.services.bigquery.model.JobConfigurationLoad loadInto(
      String table) {
    for (com.google.api.services.bigquery.model.JobConfigurationLoad l :
        RecordingJobService.LOADS) {
      if (l.getDestinationTable().getTableId().equals(table)) {
        return l;
      }
    }
    throw new AssertionError("no load job into " + table + " among " + RecordingJobService.LOADS);
  }

  @Test
  void appendAndReplaceAreLoadJobsWithTheTableSettings() throws Exception {
    wh.ensureTables(List.of(Tables.CAPTION_BANK, Tables.LOCK_SWEEP_LOG));
    datasets.insertAll(
        ref("caption_bank"),
        List.of(
            new TableRow().set("caption_id", "1").set("caption_text", "old one"),
            new TableRow().set("caption_id", "2").set("caption_text", "old two")),
        null);
    datasets.insertAll(
        ref("lock_sweep_log"),
        List.of(new TableRow().set("sweep_id", "s0").set("sweep_time", "2024-04-30 00:00:00 UTC")),
        null);
    List<Row> messages =
        List.of(
            message(1, "alice", 10L, T0, 12.5),
            message(
                2,
                "bob",
                null,
                T0.plusNanos(1_001_000),
                0.0), // a millisecond and a microsecond: both survive the round trip
            message(3, null, 7L, null, -1.25));
    org.apache.beam.sdk.schemas.Schema cb = Tables.CAPTION_BANK.schema();
    List<Row> captions =
        List.of(
            Row.withSchema(cb)
                .addValues(
                    10L, "new ten", "alice", "tease", "HIGH", true, Instant.ofEpochSecond(0, 5_000))
                .build(),
            Row.withSchema(cb).addValues(11L, "new eleven", null, null, null, false, null).build(),
            Row.withSchema(cb)
                .addValues(12L, "it's \"quoted\"", null, null, null, null, null)
                .build());

    Pipeline p = pipeline();
    PCollection<Long> appended =
        p.apply("Messages", Create.of(messages).withRowSchema(Tables.MASS_MESSAGES.schema()))
            .apply(wh.write(Tables.MASS_MESSAGES, WriteSpec.append(), "run-1", "messages"));
    PCollection<Long> replaced =
        p.apply("Captions", Create.of(captions).withRowSchema(cb))
            .apply(wh.write(Tables.CAPTION_BANK, WriteSpec.replace(), "run-1", "captions"));
    PCollection<Long> emptied =
        p.apply("No sweeps", Create.empty(RowCoder.of(Tables.LOCK_SWEEP_LOG.schema())))
            .apply(wh.write(Tables.LOCK_SWEEP_LOG, WriteSpec.replace(), "run-1", "sweeps"));
    PAssert.thatSingleton(appended).isEqualTo(3L);
    PAssert.thatSingleton(replaced).isEqualTo(3L);
    PAssert.thatSingleton(emptied).isEqualTo(0L);
    Pipelines.run(p);

    // append: created by the load with the table's schema, daily partitioning and clustering
    com.google.api.services.bigquery.model.JobConfigurationLoad mm = loadInto("mass_messages");
    assertThat(mm.getWriteDisposition(), equalTo("WRITE_APPEND"));
    assertThat(mm.getCreateDisposition(), equalTo("CREATE_IF_NEEDED"));
    assertThat(mm.getSchema(), equalTo(BigQuerySchemas.tableSchema(Tables.MASS_MESSAGES)));
    assertThat(
        mm.getTimePartitioning(), equalTo(BigQuerySchemas.timePartitioning(Tables.MASS_MESSAGES)));
    assertThat(mm.getClustering(), equalTo(BigQuerySchemas.clustering(Tables.MASS_MESSAGES)));
    Table t = datasets.getTable(ref("mass_messages"));
    assertThat(t.getTimePartitioning().getField(), equalTo("sending_time"));
    assertThat(t.getClustering().getFields(), equalTo(List.of("page_name")));
    assertThat(
        wh.query(Tables.MASS_MESSAGES, ReadSpec.all()), containsInAnyOrder(messages.toArray()));

    // replace: one WRITE_TRUNCATE load; the old rows are gone
    com.google.api.services.bigquery.model.JobConfigurationLoad c = loadInto("caption_bank");
    assertThat(c.getWriteDisposition(), equalTo("WRITE_TRUNCATE"));
    assertThat(c.getCreateDisposition(), equalTo("CREATE_IF_NEEDED"));
    assertThat(c.getClustering().getFields(), equalTo(List.of("page_name")));
    assertThat(c.getTimePartitioning(), nullValue());
    assertThat(
        wh.query(Tables.CAPTION_BANK, ReadSpec.all()), containsInAnyOrder(captions.toArray()));

    // replace with no rows still truncates
    assertThat(wh.query(Tables.LOCK_SWEEP_LOG, ReadSpec.all()), empty());
  }

  @Test
  void stagedWritesLoadAStagingTableThenRunOneStatementWithADeterministicJobId() throws Exception {
    wh.ensureTables(List.of(Tables.REJECTED_ROWS));
    String run = "run-7";
    String rejStaging = BigQueryJobs.stagingTable("rejected_rows", run, "rejects");
    RecordingJobService.watched = new String[] {PROJECT, DATASET, rejStaging};
    RecordingJobService.AFFECTED_ROWS.set(2);

    org.apache.beam.sdk.schemas.Schema rs = Tables.REJECTED_ROWS.schema();
    Instant now = T0;
    List<Row> rejects =
        List.of(
            Row.withSchema(rs)
                .addValues(
                    run,
                    "caption_performance",
                    "mass_messages",
                    "1",
                    "p",
                    "f1#0",
                    "NULL_SENDING_TIME",
                    "{}",
                    now)
                .build(),
            Row.withSchema(rs)
                .addValues(
                    run,
                    "caption_performance",
                    "mass_messages",
                    null,
                    null,
                    "f2#0",
                    "NULL_PAGE",
                    "{}",
                    now)
                .build(),
            Row.withSchema(rs)
                .addValues(
                    run,
                    "caption_performance",
                    "mass_messages",
                    null,
                    null,
                    "f2#0",
                    "NULL_PAGE",
                    "{}",
                    now)
                .build());
    org.apache.beam.sdk.schemas.Schema ps = Tables.CREATOR_PERFORMANCE_PROFILES.schema();
    List<Row> profiles = new ArrayList<>();
    for (String page : List.of("a", "b", "c", "d")) {
      profiles.add(
          Row.withSchema(ps)
              .withFieldValue("page_name", page)
              .withFieldValue("execution_date", LocalDate.of(2024, 5, 1))
              .withFieldValue("message_count", 3L)
              .build());
    }

    Pipeline p = pipeline();
    PCollection<Long> inserted =
        p.apply("Rejects", Create.of(rejects).withRowSchema(rs))
            .apply(
                wh.write(
                    Tables.REJECTED_ROWS,
                    WriteSpec.insertIfAbsent(RejectedRows.KEY),
                    run,
                    "rejects"));
    PCollection<Long> replaced =
        p.apply("Profiles", Create.of(profiles).withRowSchema(ps))
            .apply(
                wh.write(
                    Tables.CREATOR_PERFORMANCE_PROFILES,
                    WriteSpec.replaceWhere("execution_date"),
                    run,
                    "profiles"));
    PCollection<Long> none =
        p.apply(
                "No queue rows",
                Create.empty(RowCoder.of(Tables.SCHEDULE_GENERATION_QUEUE.schema())))
            .apply(
                wh.write(
                    Tables.SCHEDULE_GENERATION_QUEUE,
                    WriteSpec.insertIfAbsent("page_name", "execution_date"),
                    run,
                    "queue"));
    PAssert.thatSingleton(inserted).isEqualTo(2L); // numDmlAffectedRows of the MERGE
    PAssert.thatSingleton(replaced).isEqualTo(4L); // rows inserted by the transaction
    PAssert.thatSingleton(none).isEqualTo(0L); // nothing staged: no statement
    Pipelines.run(p);

    Map<String, RecordingJobService.Started> byId = new TreeMap<>();
    List<String> order = new ArrayList<>();
    RecordingJobService.QUERIES.forEach(
        q -> {
          if (q.jobId().startsWith("eros_expire_")) {
            order.add(q.jobId());
          } else {
            byId.put(q.jobId(), q);
            order.add(q.jobId());
          }
        });
    // a staging table that lost its expiration in the load (Beam's fake load deletes and recreates
    // a table on WRITE_TRUNCATE) gets it back by an ALTER TABLE job that runs before its commit
    for (String[] w :
        new String[][] {
          {"rejected_rows", "rejects"}, {"creator_performance_profiles", "profiles"}
        }) {
      int expire = order.indexOf(BigQueryJobs.expiryJobBase(w[0], run, w[1]) + "_a0");
      int commit = order.indexOf(BigQueryJobs.commitJobBase(w[0], run, w[1]) + "_a0");
      assertThat(w[0] + " committed", commit >= 0, equalTo(true));
      assertThat(
          w[0] + ": the expiration is set before the commit", expire < commit, equalTo(true));
      if (expire >= 0) {
        assertThat(
            RecordingJobService.QUERIES.get(expire).sql(),
            equalTo(
                BigQuerySql.expireTable(
                    BigQuerySql.tablePath(
                        PROJECT, DATASET, BigQueryJobs.stagingTable(w[0], run, w[1])),
                    BigQueryJobs.STAGING_TTL)));
      }
    }
    assertThat(order.size() - byId.size() <= 2, equalTo(true));
    assertThat(
        byId.keySet(),
        containsInAnyOrder(
            BigQueryJobs.commitJobBase("rejected_rows", run, "rejects") + "_a0",
            BigQueryJobs.commitJobBase("creator_performance_profiles", run, "profiles") + "_a0"));
    expectStatement(
        byId, Tables.REJECTED_ROWS, WriteSpec.insertIfAbsent(RejectedRows.KEY), run, "rejects");
    expectStatement(
        byId,
        Tables.CREATOR_PERFORMANCE_PROFILES,
        WriteSpec.replaceWhere("execution_date"),
        run,
        "profiles");

    // the MERGE ran after the staging load had completed: the staging table held all three rows
    RecordingJobService.Started merge =
        byId.get(BigQueryJobs.commitJobBase("rejected_rows", run, "rejects") + "_a0");
    assertThat(merge.watchedRows(), hasSize(3));
    // the staging table was created before its load with an expiration one day ahead; when the
    // load kept it, it still has it at the commit, otherwise the ALTER TABLE job above set it
    if (!order.contains(BigQueryJobs.expiryJobBase("rejected_rows", run, "rejects") + "_a0")) {
      assertThat(merge.watchedExpiration(), notNullValue());
      long ttl = merge.watchedExpiration() - System.currentTimeMillis();
      assertThat(
          "expires about a day from now: " + ttl,
          ttl > BigQueryJobs.STAGING_TTL.minusMinutes(10).toMillis()
              && ttl <= BigQueryJobs.STAGING_TTL.toMillis(),
          equalTo(true));
    }
    assertThat(
        merge.location(),
        equalTo(
            datasets
                .getDataset(PROJECT, DATASET)
                .getLocation())); // jobs live in the dataset's location
    com.google.api.services.bigquery.model.JobConfigurationLoad stagingLoad = loadInto(rejStaging);
    assertThat(stagingLoad.getWriteDisposition(), equalTo("WRITE_TRUNCATE"));
    assertThat(stagingLoad.getTimePartitioning(), nullValue());

    // staging tables are dropped; a target that was absent was created with its partitioning
    for (String[] w :
        new String[][] {
          {"rejected_rows", "rejects"},
          {"creator_performance_profiles", "profiles"},
          {"schedule_generation_queue", "queue"}
        }) {
      assertThat(
          w[0], datasets.getTable(ref(BigQueryJobs.stagingTable(w[0], run, w[1]))), nullValue());
    }
    assertThat(
        datasets.getTable(ref("creator_performance_profiles")).getTimePartitioning().getField(),
        equalTo("execution_date"));
  }

  @Test
  void guardedUpdateStagesMicrosecondKeysAndMatchesThemExactly() throws Exception {
    // A lock whose assigned_at has sub-millisecond digits: the sweep's update matches on it, so the
    // staged value must keep every digit and the statement must compare it as it is.
    wh.ensureTables(List.of(Tables.ACTIVE_CAPTION_ASSIGNMENTS));
    String run = "run-micro";
    String staging = BigQueryJobs.stagingTable("active_caption_assignments", run, "release");
    RecordingJobService.watched = new String[] {PROJECT, DATASET, staging};
    RecordingJobService.AFFECTED_ROWS.set(1);
    Instant assignedAt = Instant.parse("2026-11-20T10:00:00.123456Z");
    Row release =
        Row.withSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema())
            .withFieldValue("assignment_key", "k1")
            .withFieldValue("page_name", "p")
            .withFieldValue("caption_id", 7L)
            .withFieldValue("assigned_at", assignedAt)
            .withFieldValue("is_active", false)
            .withFieldValue("deactivated_at", Instant.parse("2026-11-29T20:00:00.000001Z"))
            .withFieldValue("deactivation_reason", "STALE")
            .build();
    WriteSpec spec =
        WriteSpec.update(
            List.of("assignment_key", "page_name", "caption_id", "assigned_at"),
            List.of("is_active", "deactivated_at", "deactivation_reason"),
            "is_active",
            true);

    Pipeline p = pipeline();
    p.apply(Create.of(List.of(release)).withRowSchema(Tables.ACTIVE_CAPTION_ASSIGNMENTS.schema()))
        .apply(wh.write(Tables.ACTIVE_CAPTION_ASSIGNMENTS, spec, run, "release"));
    Pipelines.run(p);

    RecordingJobService.Started update =
        RecordingJobService.QUERIES.stream()
            .filter(
                q ->
                    q.jobId()
                        .startsWith(
                            BigQueryJobs.commitJobBase(
                                "active_caption_assignments", run, "release")))
            .findFirst()
            .orElseThrow();
    assertThat(update.watchedRows(), hasSize(1));
    assertThat(
        String.valueOf(update.watchedRows().get(0).get("assigned_at")),
        equalTo("2026-11-20 10:00:00.123456 UTC"));
    assertThat(
        String.valueOf(update.watchedRows().get(0).get("deactivated_at")),
        equalTo("2026-11-29 20:00:00.000001 UTC"));
    assertThat(update.sql(), containsString("t.assigned_at IS NOT DISTINCT FROM s.assigned_at"));
    assertThat(update.sql(), not(containsString("TIMESTAMP_TRUNC")));
  }

  private static void expectStatement(
      Map<String, RecordingJobService.Started> byId,
      TableDef table,
      WriteSpec spec,
      String run,
      String write) {
    RecordingJobService.Started q =
        byId.get(BigQueryJobs.commitJobBase(table.name(), run, write) + "_a0");
    assertThat(
        q.sql(),
        equalTo(
            BigQuerySql.commitStatement(
                table,
                spec,
                BigQuerySql.tablePath(PROJECT, DATASET, table.name()),
                BigQuerySql.tablePath(
                    PROJECT, DATASET, BigQueryJobs.stagingTable(table.name(), run, write)))));
  }

  @Test
  void driverSideInsertAndTruncateAreStatements() throws Exception {
    org.apache.beam.sdk.schemas.Schema s = Tables.ETL_JOB_RUNS.schema();
    Row failed =
        Row.withSchema(s)
            .withFieldValue("job_id", "run-9")
            .withFieldValue("job_name", "lock_sweep")
            .withFieldValue("job_start_time", T0)
            .withFieldValue("job_status", "FAILED")
            .withFieldValue("error_message", "it's broken")
            .build();
    wh.insertNow(Tables.ETL_JOB_RUNS, List.of(failed));
    assertThat(datasets.getTable(ref("etl_job_runs")), notNullValue()); // created first
    assertThat(RecordingJobService.QUERIES, hasSize(1));
    assertThat(
        RecordingJobService.QUERIES.get(0).sql(),
        equalTo(
            BigQuerySql.insertValues(
                    Tables.ETL_JOB_RUNS,
                    "`eros-test-proj.eros_it.etl_job_runs`",
                    List.of(failed),
                    BigQueryWarehouse.MAX_STATEMENT_CHARS)
                .get(0)));
    assertThat(RecordingJobService.QUERIES.get(0).sql(), containsString("'it\\'s broken'"));

    wh.truncateNow(Tables.ETL_JOB_RUNS);
    assertThat(
        RecordingJobService.QUERIES.get(1).sql(),
        equalTo("TRUNCATE TABLE `eros-test-proj.eros_it.etl_job_runs`"));
    assertThat(
        RecordingJobService.QUERIES.get(1).jobId(),
        Matchers.startsWith("eros_truncate_etl_job_runs_"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> wh.truncateNow(Tables.LOCK_SWEEP_LOG));
    assertThat(e.getMessage(), containsString("lock_sweep_log does not exist"));

    RecordingJobService.FAIL_NEXT.set(BigQueryJobs.MAX_ATTEMPTS);
    IllegalStateException f =
        assertThrows(IllegalStateException.class, () -> wh.truncateNow(Tables.ETL_JOB_RUNS));
    assertThat(f.getMessage(), containsString("scripted failure"));
    assertThat(f.getMessage(), Matchers.not(containsString("\n")));
  }

  @Test
  void aRetriedUpdateCommitRunsItsStatementOnceAndDropsTheStagingTable() throws Exception {
    TableDef locks = Tables.ACTIVE_CAPTION_ASSIGNMENTS;
    WriteSpec sweep =
        WriteSpec.update(
            List.of("assignment_key"),
            List.of("is_active", "deactivated_at", "deactivation_reason"),
            "is_active",
            true);
    String staging = BigQueryJobs.stagingTable(locks.name(), "run-8", "sweep");
    BigQueryWrite.createStaging(
        datasets, PROJECT, DATASET, locks, staging, com.eros.common.time.Clock.fixed(T0));
    assertThat(
        datasets.getTable(ref(staging)).getExpirationTime(),
        equalTo(T0.plus(BigQueryJobs.STAGING_TTL).toEpochMilli()));
    RecordingJobService.AFFECTED_ROWS.set(4);
    RecordingJobService jobs = new RecordingJobService();

    long first =
        BigQueryWrite.commit(datasets, jobs, PROJECT, DATASET, locks, sweep, "run-8", "sweep", 5);
    RecordingJobService.AFFECTED_ROWS.set(40); // what a second execution would report
    long retried =
        BigQueryWrite.commit(datasets, jobs, PROJECT, DATASET, locks, sweep, "run-8", "sweep", 5);

    assertThat(first, equalTo(4L));
    assertThat(retried, equalTo(4L));
    assertThat(RecordingJobService.QUERIES, hasSize(1));
    RecordingJobService.Started q = RecordingJobService.QUERIES.get(0);
    assertThat(
        q.jobId(), equalTo(BigQueryJobs.commitJobBase(locks.name(), "run-8", "sweep") + "_a0"));
    assertThat(
        q.sql(),
        equalTo(
            BigQuerySql.update(
                locks,
                "`eros-test-proj.eros_it.active_caption_assignments`",
                "`eros-test-proj.eros_it." + staging + "`",
                sweep.keyColumns(),
                sweep.setColumns(),
                "is_active",
                true)));
    assertThat(datasets.getTable(ref(staging)), nullValue());
    assertThat(
        datasets.getTable(ref(locks.name())),
        notNullValue()); // absent target created before the statement
  }

  @Test
  void aStagingTableThatLostItsExpirationGetsItBackBeforeTheCommitStatement() throws Exception {
    TableDef queue = Tables.SCHEDULE_GENERATION_QUEUE;
    WriteSpec spec = WriteSpec.insertIfAbsent("page_name", "execution_date");
    String staging = BigQueryJobs.stagingTable(queue.name(), "run-9", "queue");
    // as a load that replaced the table would leave it: no expiration
    datasets.createTable(
        new Table().setTableReference(ref(staging)).setSchema(BigQuerySchemas.tableSchema(queue)));
    RecordingJobService.AFFECTED_ROWS.set(1);

    BigQueryWrite.commit(
        datasets, new RecordingJobService(), PROJECT, DATASET, queue, spec, "run-9", "queue", 1);

    List<String> ids =
        RecordingJobService.QUERIES.stream().map(RecordingJobService.Started::jobId).toList();
    assertThat(
        ids,
        Matchers.contains(
            BigQueryJobs.expiryJobBase(queue.name(), "run-9", "queue") + "_a0",
            BigQueryJobs.commitJobBase(queue.name(), "run-9", "queue") + "_a0"));
    assertThat(
        RecordingJobService.QUERIES.get(0).sql(),
        equalTo(
            "ALTER TABLE `eros-test-proj.eros_it."
                + staging
                + "` SET OPTIONS (expiration_timestamp = TIMESTAMP_ADD(CURRENT_TIMESTAMP(), INTERVAL 1440 MINUTE))"));
    assertThat(datasets.getTable(ref(staging)), nullValue());
  }

  @Test
  void aStagingTableIsCreatedOnceWithItsExpiration() throws Exception {
    TableDef queue = Tables.SCHEDULE_GENERATION_QUEUE;
    String staging = BigQueryJobs.stagingTable(queue.name(), "run-10", "queue");
    BigQueryWrite.createStaging(
        datasets, PROJECT, DATASET, queue, staging, com.eros.common.time.Clock.fixed(T0));
    // a retry finds it and leaves it alone (an hour later: the expiration does not move)
    BigQueryWrite.createStaging(
        datasets,
        PROJECT,
        DATASET,
        queue,
        staging,
        com.eros.common.time.Clock.fixed(T0.plusSeconds(3600)));
    Table t = datasets.getTable(ref(staging));
    assertThat(
        t.getExpirationTime(), equalTo(Instant.parse("2024-05-02T10:00:00Z").toEpochMilli()));
    assertThat(t.getTimePartitioning(), nullValue());
    assertThat(t.getSchema().getFields().size(), equalTo(queue.columns().size()));
  }
}
