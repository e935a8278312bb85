package com.eros.pipelines.captionperformance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import java.time.Instant;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class CaptionStatsTest {
  @Test
  void rowPutsEveryValueInItsNamedColumn() {
    CaptionStats s =
        new CaptionStats(
            "page",
            2,
            3,
            4,
            5,
            6.5,
            7.5,
            0.125,
            0.875,
            7.5,
            8.5,
            0.25,
            1.5,
            2.5,
            99.0,
            0.33,
            42,
            1_700_000_000_000_001L,
            1_800_000_000_000_999L);
    Row r = s.toRow();
    assertThat(r.getSchema(), is(Tables.CAPTION_BANDIT_STATS.schema()));
    assertThat(r.getString("page_name"), is("page"));
    assertThat(r.getInt64("caption_id"), is(2L));
    assertThat(r.getInt64("successes"), is(3L));
    assertThat(r.getInt64("failures"), is(4L));
    assertThat(r.getInt64("total_observations"), is(5L));
    assertThat(r.getDouble("effective_successes"), is(6.5));
    assertThat(r.getDouble("effective_failures"), is(7.5));
    assertThat(r.getDouble("confidence_lower_bound"), is(0.125));
    assertThat(r.getDouble("confidence_upper_bound"), is(0.875));
    assertThat(r.getDouble("posterior_alpha"), is(7.5));
    assertThat(r.getDouble("posterior_beta"), is(8.5));
    assertThat(r.getDouble("exploration_score"), is(0.25));
    assertThat(r.getDouble("avg_emv"), is(1.5));
    assertThat(r.getDouble("last_emv_observed"), is(2.5));
    assertThat(r.getDouble("total_revenue"), is(99.0));
    assertThat(r.getDouble("avg_conversion_rate"), is(0.33));
    assertThat(r.getInt64("performance_percentile"), is(42L));
    assertThat(Timestamps.get(r, "last_used"), is(Instant.parse("2023-11-14T22:13:20.000001Z")));
    assertThat(Timestamps.get(r, "last_updated"), is(Instant.parse("2027-01-15T08:00:00.000999Z")));
  }

  @Test
  void pageMessagesCoderRoundTrips() throws Exception {
    PageMessages m =
        PageMessages.builder("p")
            .add(1L, null, 5, 1.5, 3, 2, 1)
            .add(null, 7L, 6, 0.0, 1, 0, 0)
            .build();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PageMessages.Coder.of().encode(m, out);
    PageMessages back =
        PageMessages.Coder.of().decode(new java.io.ByteArrayInputStream(out.toByteArray()));
    assertThat(back.page(), is("p"));
    assertThat(back.size(), is(2));
    assertThat(back.messageIdIsNull(1), is(true));
    assertThat(back.messageId(0), is(1L));
    assertThat(back.hasCaption(0), is(false));
    assertThat(back.captionId(1), is(7L));
    assertThat(back.sendMicros(1), is(6L));
    assertThat(back.earnings(0), is(1.5));
    assertThat(back.sent(0), is(3L));
    assertThat(back.viewed(0), is(2L));
    assertThat(back.purchased(0), is(1L));
  }
}
