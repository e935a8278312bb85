package com.eros.pipelines.dailyautomation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A compact, deterministic coder for {@link CreatorOutcome}: the outcomes are gathered into one
 * list for the ordered decision, and the runner may copy that state several times, so Java
 * serialization (class descriptors in every element) would cost more than the decision itself.
 */
public final class CreatorOutcomeCoder extends AtomicCoder<CreatorOutcome> {
  private static final CreatorOutcomeCoder INSTANCE = new CreatorOutcomeCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final NullableCoder<String> NULLABLE_STRING =
      NullableCoder.of(StringUtf8Coder.of());
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final DoubleCoder DOUBLE = DoubleCoder.of();
  private static final ByteCoder BYTE = ByteCoder.of();
  private static final CreatorOutcome.Kind[] KINDS = CreatorOutcome.Kind.values();

  private CreatorOutcomeCoder() {}

  public static CreatorOutcomeCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(CreatorOutcome o, OutputStream out) throws IOException {
    STRING.encode(o.pageName(), out);
    BYTE.encode((byte) o.kind().ordinal(), out);
    LONG.encode(o.rowsRead(), out);
    LONG.encode(o.rowsRejected(), out);
    DOUBLE.encode(o.saturationPct(), out);
    DOUBLE.encode(o.volumeFactor(), out);
    NULLABLE_STRING.encode(o.error(), out);
  }

  @Override
  public CreatorOutcome decode(InputStream in) throws IOException {
    return new CreatorOutcome(
        STRING.decode(in),
        KINDS[BYTE.decode(in)],
        LONG.decode(in),
        LONG.decode(in),
        DOUBLE.decode(in),
        DOUBLE.decode(in),
        NULLABLE_STRING.decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
