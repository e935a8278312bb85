package com.eros.common.warehouse.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.storage.v1.AvroRows;
import com.google.cloud.bigquery.storage.v1.AvroSchema;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamRequest;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamResponse;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.BigQueryServerStream;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StorageClient;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices.FakeBigQueryServerStream;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * A test-only Storage Read API over the tables of Beam's {@link FakeDatasetService}: it serves the
 * selected fields as Avro the way BigQuery does (TIMESTAMP as timestamp-micros longs, DATE as date
 * ints, NULLABLE as unions with null) and records every read-session request so that tests can
 * check the projection and the row restriction sent. It does NOT evaluate row restrictions: every
 * row of the table is served (the restriction text is tested as a pure unit test).
 */
public final class FakeStorageReadServer implements StorageClient, Serializable {
  private static final long serialVersionUID = 1L;
  static final List<CreateReadSessionRequest> SESSIONS =
      Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, Session> STREAMS = new ConcurrentHashMap<>();
  private static final Pattern TABLE =
      Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)");

  private record Session(TableReference table, String avroSchema) {}

  public static void reset() {
    SESSIONS.clear();
    STREAMS.clear();
  }

  @Override
  public ReadSession createReadSession(CreateReadSessionRequest request) {
    SESSIONS.add(request);
    Matcher m = TABLE.matcher(request.getReadSession().getTable());
    if (!m.matches()) {
      throw new IllegalArgumentException("bad table name " + request.getReadSession().getTable());
    }
    TableReference ref =
        new TableReference()
            .setProjectId(m.group(1))
            .setDatasetId(m.group(2))
            .setTableId(m.group(3));
    Table table;
    try {
      table = new FakeDatasetService().getTable(ref);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (table == null) {
      throw new IllegalStateException("Not found: Table " + request.getReadSession().getTable());
    }
    List<String> selected = request.getReadSession().getReadOptions().getSelectedFieldsList();
    Schema avro = avroSchema(table.getSchema().getFields(), selected);
    String stream = request.getReadSession().getTable() + "/streams/" + SESSIONS.size();
    STREAMS.put(stream, new Session(ref, avro.toString()));
    return ReadSession.newBuilder()
        .setName("sessions/" + SESSIONS.size())
        .setTable(request.getReadSession().getTable())
        .setDataFormat(DataFormat.AVRO)
        .setAvroSchema(AvroSchema.newBuilder().setSchema(avro.toString()))
        .addStreams(ReadStream.newBuilder().setName(stream))
        .build();
  }

  /**
   * The selected fields in table order (as BigQuery returns them), typed as the Storage API types
   * them.
   */
  static Schema avroSchema(List<TableFieldSchema> fields, List<String> selected) {
    List<Schema.Field> out = new ArrayList<>();
    for (TableFieldSchema f : fields) {
      if (!selected.isEmpty() && !selected.contains(f.getName())) {
        continue;
      }
      Schema type =
          switch (f.getType()) {
            case "STRING" -> Schema.create(Schema.Type.STRING);
            case "INTEGER", "INT64" -> Schema.create(Schema.Type.LONG);
            case "FLOAT", "FLOAT64" -> Schema.create(Schema.Type.DOUBLE);
            case "BOOLEAN", "BOOL" -> Schema.create(Schema.Type.BOOLEAN);
            case "TIMESTAMP" ->
                LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
            case "DATE" -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            default -> throw new IllegalArgumentException("type " + f.getType());
          };
      if (!"REQUIRED".equals(f.getMode())) {
        type = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
      }
      out.add(new Schema.Field(f.getName(), type, null, (Object) null));
    }
    return Schema.createRecord("__root__", null, null, false, out);
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request) {
    return readRows(request, null);
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(
      ReadRowsRequest request, String fullTableId) {
    Session s = STREAMS.get(request.getReadStream());
    if (s == null || request.getOffset() != 0) {
      return new FakeBigQueryServerStream<>(List.of());
    }
    Schema schema = new Schema.Parser().parse(s.avroSchema());
    try {
      List<TableRow> rows =
          new FakeDatasetService()
              .getAllRows(
                  s.table().getProjectId(), s.table().getDatasetId(), s.table().getTableId());
      if (rows.isEmpty()) {
        return new FakeBigQueryServerStream<>(List.of());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
      GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
      for (TableRow r : rows) {
        GenericData.Record rec = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
          rec.put(f.name(), avroValue(f.schema(), r.get(f.name())));
        }
        writer.write(rec, enc);
      }
      enc.flush();
      ReadRowsResponse response =
          ReadRowsResponse.newBuilder()
              .setRowCount(rows.size())
              .setAvroRows(
                  AvroRows.newBuilder()
                      .setSerializedBinaryRows(ByteString.copyFrom(bytes.toByteArray()))
                      .setRowCount(rows.size()))
              .build();
      return new FakeBigQueryServerStream<>(List.of(response));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final DateTimeFormatter TS =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  /**
   * A value as stored by the fakes (JSON strings of a load, or Java values) in the Avro type of the
   * field.
   */
  static Object avroValue(Schema fieldSchema, Object v) {
    if (v == null) {
      return null;
    }
    Schema s =
        fieldSchema.getType() == Schema.Type.UNION ? fieldSchema.getTypes().get(1) : fieldSchema;
    String str = String.valueOf(v);
    if (s.getLogicalType() instanceof LogicalTypes.TimestampMicros) {
      if (str.matches("-?[0-9.]+(E-?[0-9]+)?")) { // epoch seconds, as the REST API returns them
        return (long) (Double.parseDouble(str) * 1_000_000L);
      }
      String t = str.replaceAll("(\\d)T(\\d)", "$1 $2").replaceAll("( UTC|Z|\\+00:00|\\+00)$", "");
      return LocalDateTime.parse(t, TS).toInstant(ZoneOffset.UTC).toEpochMilli() * 1000L
          + LocalDateTime.parse(t, TS).getNano() / 1000 % 1000;
    }
    if (s.getLogicalType() instanceof LogicalTypes.Date) {
      return (int) LocalDate.parse(str).toEpochDay();
    }
    return switch (s.getType()) {
      case STRING -> str;
      case LONG -> Long.parseLong(str);
      case DOUBLE -> Double.parseDouble(str);
      case BOOLEAN -> Boolean.parseBoolean(str);
      default -> throw new IllegalArgumentException("type " + s);
    };
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request) {
    return SplitReadStreamResponse
        .getDefaultInstance(); // no split: the reader keeps the whole stream
  }

  @Override
  public SplitReadStreamResponse splitReadStream(
      SplitReadStreamRequest request, String fullTableId) {
    return splitReadStream(request);
  }

  @Override
  public void close() {}
}
