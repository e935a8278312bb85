package com.eros.pipelines.captionperformance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * The valid messages of one page in a compact, column-wise form (primitive arrays, no per-message
 * objects): what the page calculator needs and nothing else. Immutable once built; the arrays are
 * never handed out for writing.
 *
 * <p>Per message: message_id (or NULL), the caption it counts for (its own caption_id, or the one
 * it was attributed to by text, or none), sending time (epoch µs), earnings, sent, viewed and
 * purchased counts.
 */
public final class PageMessages {
  private final String page;
  private final int size;
  private final long[] messageId;
  private final boolean[] messageIdNull;
  private final long[] captionId;
  private final boolean[] hasCaption;
  private final long[] sendMicros;
  private final double[] earnings;
  private final long[] sent;
  private final long[] viewed;
  private final long[] purchased;

  private PageMessages(
      String page,
      int size,
      long[] messageId,
      boolean[] messageIdNull,
      long[] captionId,
      boolean[] hasCaption,
      long[] sendMicros,
      double[] earnings,
      long[] sent,
      long[] viewed,
      long[] purchased) {
    this.page = page;
    this.size = size;
    this.messageId = messageId;
    this.messageIdNull = messageIdNull;
    this.captionId = captionId;
    this.hasCaption = hasCaption;
    this.sendMicros = sendMicros;
    this.earnings = earnings;
    this.sent = sent;
    this.viewed = viewed;
    this.purchased = purchased;
  }

  public static Builder builder(String page) {
    return new Builder(page);
  }

  public String page() {
    return page;
  }

  public int size() {
    return size;
  }

  /** message_id of message i; meaningful only when {@link #messageIdIsNull(int)} is false. */
  public long messageId(int i) {
    return messageId[i];
  }

  public boolean messageIdIsNull(int i) {
    return messageIdNull[i];
  }

  /** Whether message i counts for a caption (its own caption_id or an attributed one). */
  public boolean hasCaption(int i) {
    return hasCaption[i];
  }

  public long captionId(int i) {
    return captionId[i];
  }

  public long sendMicros(int i) {
    return sendMicros[i];
  }

  public double earnings(int i) {
    return earnings[i];
  }

  public long sent(int i) {
    return sent[i];
  }

  public long viewed(int i) {
    return viewed[i];
  }

  public long purchased(int i) {
    return purchased[i];
  }

  /** Collects messages; {@link #build()} trims the arrays. */
  public static final class Builder {
    private final String page;
    private int size;
    private long[] messageId = new long[16];
    private boolean[] messageIdNull = new boolean[16];
    private long[] captionId = new long[16];
    private boolean[] hasCaption = new boolean[16];
    private long[] sendMicros = new long[16];
    private double[] earnings = new double[16];
    private long[] sent = new long[16];
    private long[] viewed = new long[16];
    private long[] purchased = new long[16];

    private Builder(String page) {
      this.page = page;
    }

    /**
     * Adds a message.
     *
     * @param messageIdOrNull message_id, or null
     * @param captionIdOrNull the caption it counts for, or null when it counts for none
     */
    public Builder add(
        Long messageIdOrNull,
        Long captionIdOrNull,
        long sendMicros,
        double earnings,
        long sent,
        long viewed,
        long purchased) {
      if (size == this.sendMicros.length) {
        grow();
      }
      int i = size++;
      this.messageIdNull[i] = messageIdOrNull == null;
      this.messageId[i] = messageIdOrNull == null ? 0L : messageIdOrNull;
      this.hasCaption[i] = captionIdOrNull != null;
      this.captionId[i] = captionIdOrNull == null ? 0L : captionIdOrNull;
      this.sendMicros[i] = sendMicros;
      this.earnings[i] = earnings;
      this.sent[i] = sent;
      this.viewed[i] = viewed;
      this.purchased[i] = purchased;
      return this;
    }

    public int size() {
      return size;
    }

    private void grow() {
      int n = Math.max(16, sendMicros.length * 2);
      messageId = Arrays.copyOf(messageId, n);
      messageIdNull = Arrays.copyOf(messageIdNull, n);
      captionId = Arrays.copyOf(captionId, n);
      hasCaption = Arrays.copyOf(hasCaption, n);
      sendMicros = Arrays.copyOf(sendMicros, n);
      earnings = Arrays.copyOf(earnings, n);
      sent = Arrays.copyOf(sent, n);
      viewed = Arrays.copyOf(viewed, n);
      purchased = Arrays.copyOf(purchased, n);
    }

    public PageMessages build() {
      return new PageMessages(
          page,
          size,
          Arrays.copyOf(messageId, size),
          Arrays.copyOf(messageIdNull, size),
          Arrays.copyOf(captionId, size),
          Arrays.copyOf(hasCaption, size),
          Arrays.copyOf(sendMicros, size),
          Arrays.copyOf(earnings, size),
          Arrays.copyOf(sent, size),
          Arrays.copyOf(viewed, size),
          Arrays.copyOf(purchased, size));
    }
  }

  /** A compact binary coder: the page name, then each column as a run of primitives. */
  public static final class Coder extends AtomicCoder<PageMessages> {
    private static final long serialVersionUID = 1L;
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PageMessages v, OutputStream outStream) throws IOException {
      StringUtf8Coder.of().encode(v.page, outStream);
      DataOutputStream out = new DataOutputStream(outStream);
      int n = v.size;
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeByte((v.messageIdNull[i] ? 1 : 0) | (v.hasCaption[i] ? 2 : 0));
        out.writeLong(v.messageId[i]);
        out.writeLong(v.captionId[i]);
        out.writeLong(v.sendMicros[i]);
        out.writeDouble(v.earnings[i]);
        out.writeLong(v.sent[i]);
        out.writeLong(v.viewed[i]);
        out.writeLong(v.purchased[i]);
      }
      out.flush();
    }

    @Override
    public PageMessages decode(InputStream inStream) throws IOException {
      String page = StringUtf8Coder.of().decode(inStream);
      DataInputStream in = new DataInputStream(inStream);
      int n = in.readInt();
      Builder b = new Builder(page);
      for (int i = 0; i < n; i++) {
        int flags = in.readByte();
        long id = in.readLong();
        long caption = in.readLong();
        long send = in.readLong();
        double earnings = in.readDouble();
        long sent = in.readLong();
        long viewed = in.readLong();
        long purchased = in.readLong();
        b.add(
            (flags & 1) != 0 ? null : id,
            (flags & 2) != 0 ? caption : null,
            send,
            earnings,
            sent,
            viewed,
            purchased);
      }
      return b.build();
    }

    @Override
    public void verifyDeterministic() {
      // fixed-width encoding of every field: deterministic
    }
  }
}
