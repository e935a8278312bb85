package com.eros.common.warehouse.bigquery;

import com.google.api.services.bigquery.model.TableReference;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StorageClient;
import org.apache.beam.sdk.io.gcp.bigquery.SchemaAndRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * Storage Read API records as Beam Rows of a projection's schema (see {@link BigQueryRows}:
 * TIMESTAMP keeps its microseconds). Also a small driver-side reader over the same API for {@code
 * Warehouse.query}.
 */
final class BigQueryStorageRows {
  private BigQueryStorageRows() {}

  /** The parse function of the pipeline read: one Avro record to one Row of {@code schema}. */
  static final class ToRowFn implements SerializableFunction<SchemaAndRecord, Row> {
    private static final long serialVersionUID = 1L;
    private final Schema schema;

    ToRowFn(Schema schema) {
      this.schema = schema;
    }

    @Override
    public Row apply(SchemaAndRecord input) {
      return BigQueryRows.fromAvro(input.getRecord(), schema);
    }
  }

  /** The full resource name the Storage API uses for a table. */
  static String resourceName(TableReference ref) {
    return "projects/"
        + ref.getProjectId()
        + "/datasets/"
        + ref.getDatasetId()
        + "/tables/"
        + ref.getTableId();
  }

  /**
   * Reads the selected columns of the rows that satisfy {@code rowRestriction} (null: all rows)
   * through one read session, on the calling thread. For small reads only.
   */
  static List<Row> read(
      StorageClient client,
      String billingProject,
      TableReference table,
      List<String> columns,
      String rowRestriction,
      Schema schema)
      throws IOException {
    ReadSession.TableReadOptions.Builder opts =
        ReadSession.TableReadOptions.newBuilder().addAllSelectedFields(columns);
    if (rowRestriction != null) {
      opts.setRowRestriction(rowRestriction);
    }
    CreateReadSessionRequest request =
        CreateReadSessionRequest.newBuilder()
            .setParent("projects/" + billingProject)
            .setReadSession(
                ReadSession.newBuilder()
                    .setTable(resourceName(table))
                    .setDataFormat(DataFormat.AVRO)
                    .setReadOptions(opts))
            .setMaxStreamCount(1)
            .build();
    ReadSession session = client.createReadSession(request);
    List<Row> rows = new ArrayList<>();
    if (session.getStreamsCount() == 0) {
      return rows;
    }
    org.apache.avro.Schema avro =
        new org.apache.avro.Schema.Parser().parse(session.getAvroSchema().getSchema());
    GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(avro);
    for (ReadStream stream : session.getStreamsList()) {
      ReadRowsRequest rr =
          ReadRowsRequest.newBuilder().setReadStream(stream.getName()).setOffset(0).build();
      BinaryDecoder decoder = null;
      for (ReadRowsResponse response : client.readRows(rr, session.getTable())) {
        if (!response.hasAvroRows()) {
          continue;
        }
        decoder =
            DecoderFactory.get()
                .binaryDecoder(
                    response.getAvroRows().getSerializedBinaryRows().toByteArray(), decoder);
        while (!decoder.isEnd()) {
          rows.add(BigQueryRows.fromAvro(reader.read(null, decoder), schema));
        }
      }
    }
    return rows;
  }
}
