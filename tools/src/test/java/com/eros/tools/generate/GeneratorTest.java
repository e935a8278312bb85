package com.eros.tools.generate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import com.eros.common.stats.TextNormalizer;
import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.MessageValidator;
import com.eros.common.warehouse.ReadSpec;
import com.eros.duckdb.DuckDbWarehouse;
import com.eros.duckdb.TempDuckDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator against a real DuckDB file: what it writes, read back through the port. */
class GeneratorTest {
  private static final Instant NOW = Instant.parse("2026-11-29T11:05:00Z");
  private static final long NOW_MS = NOW.toEpochMilli();
  private static final long DAY_MS = 86_400_000L;
  private static final LocalDate TODAY = LaTime.dateOf(NOW);
  private static final GeneratorConfig CONFIG = new GeneratorConfig(30_000, 15, 42, NOW);

  @TempDir static Path shared;
  private static TempDuckDb db;
  private static GeneratorSummary summary;
  private static String progress;
  private static List<Row> messages;
  private static List<Row> captions;
  private static List<Row> locks;
  private static Map<Long, Row> captionById;

  @BeforeAll
  static void generateOnce() {
    db = new TempDuckDb(shared);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    summary =
        Generator.generate(
            db.warehouse(), CONFIG, new PrintStream(buf, true, StandardCharsets.UTF_8));
    progress = buf.toString(StandardCharsets.UTF_8);
    messages = all(db.warehouse(), Tables.MASS_MESSAGES);
    captions = all(db.warehouse(), Tables.CAPTION_BANK);
    locks = all(db.warehouse(), Tables.ACTIVE_CAPTION_ASSIGNMENTS);
    captionById = new HashMap<>();
    for (Row c : captions) {
      captionById.put(c.getInt64("caption_id"), c);
    }
  }

  @AfterAll
  static void closeDb() {
    db.close();
  }

  // ------------------------------------------------------------------------------ row counts

  @Test
  void writesTheRequestedMessagesAndReportsWhatItWrote() {
    assertThat((long) messages.size(), equalTo(CONFIG.messages()));
    assertThat(summary.messages(), equalTo(CONFIG.messages()));
    assertThat(summary.captions(), equalTo((long) captions.size()));
    assertThat(summary.locks(), equalTo((long) locks.size()));
    assertThat(summary.pages(), equalTo(15));
    assertThat(
        summary.captioned()
            + summary.uncaptionedAttributable()
            + summary.ambiguous()
            + summary.freeText(),
        equalTo(CONFIG.messages()));
    assertThat(progress, containsString("mass_messages"));
    assertThat(progress, containsString("active_caption_assignments"));
    Set<Long> ids = new HashSet<>();
    for (Row m : messages) {
      assertThat(ids.add(m.getInt64("message_id")), is(true));
    }
    assertThat(ids.contains(1L) && ids.contains(CONFIG.messages()), is(true));
  }

  @Test
  void aShareOfTimestampsCarriesMicroseconds() {
    // BigQuery TIMESTAMPs have microseconds: every test and the demo meet them.
    assertThat(subMillisShare(messages, "sending_time"), allOf(greaterThan(0.25), lessThan(0.42)));
    assertThat(subMillisShare(locks, "assigned_at"), allOf(greaterThan(0.25), lessThan(0.42)));
    List<Row> released =
        locks.stream().filter(l -> Timestamps.get(l, "deactivated_at") != null).toList();
    assertThat(released.size(), greaterThan(100));
    assertThat(subMillisShare(released, "deactivated_at"), allOf(greaterThan(0.2), lessThan(0.47)));
  }

  /** The share of the non-NULL values of a TIMESTAMP column with digits below the millisecond. */
  private static double subMillisShare(List<Row> rows, String column) {
    long set = 0;
    long micro = 0;
    for (Row r : rows) {
      Instant t = Timestamps.get(r, column);
      if (t != null) {
        set++;
        if (t.getNano() % 1_000_000 != 0) {
          micro++;
        }
      }
    }
    return (double) micro / set;
  }

  @Test
  void captionBankHasSharedOwnedAndRetiredCaptionsWithUniqueIds() {
    Set<Long> ids = new HashSet<>();
    long sharedCount = 0;
    long retired = 0;
    Set<String> owners = new HashSet<>();
    for (Row c : captions) {
      assertThat(ids.add(c.getInt64("caption_id")), is(true));
      assertThat(c.getString("caption_text"), not(equalTo("")));
      assertThat(c.getString("content_category"), oneOf(Plan.CATEGORIES));
      assertThat(c.getString("price_tier"), oneOf(Plan.TIERS));
      assertThat(c.getBoolean("is_active"), notNullValue());
      assertThat(millis(c, "created_at"), lessThan(NOW_MS));
      if (c.getString("page_name") == null) {
        sharedCount++;
      } else {
        owners.add(c.getString("page_name"));
      }
      if (!c.getBoolean("is_active")) {
        retired++;
      }
    }
    assertThat(sharedCount, greaterThanOrEqualTo(40L));
    assertThat(owners.size(), equalTo(15));
    assertThat(retired, greaterThan(captions.size() / 20L));
    assertThat(retired, lessThan(captions.size() / 4L));
    assertThat(summary.retiredCaptions(), equalTo(retired));
    assertThat(summary.sharedCaptions(), equalTo(sharedCount));
  }

  @Test
  void pageSizesAreHeavyTailed() {
    Map<String, Long> perPage = new HashMap<>();
    for (Row m : messages) {
      String p = m.getString("page_name");
      if (p != null && !p.isBlank()) {
        assertThat(p, matchesPattern("page_\\d{4}"));
        perPage.merge(p, 1L, Long::sum);
      }
    }
    long[] sizes = perPage.values().stream().mapToLong(Long::longValue).sorted().toArray();
    long largest = sizes[sizes.length - 1];
    long median = sizes[sizes.length / 2];
    assertThat(largest, greaterThan(5 * median));
    assertThat(summary.largestPageMessages(), greaterThanOrEqualTo(largest));
  }

  // -------------------------------------------------------------------------- validity rules

  @Test
  void invalidRowsCoverEveryRuleAtAboutHalfAPercent() {
    Map<MessageRule, Integer> byRule = new EnumMap<>(MessageRule.class);
    Set<String> variants = new HashSet<>();
    for (Row m : messages) {
      MessageRule r = MessageValidator.check(m, NOW);
      if (r == null) {
        continue;
      }
      byRule.merge(r, 1, Integer::sum);
      variants.add(variant(r, m));
    }
    int invalid = byRule.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(byRule.keySet(), equalTo(Set.of(MessageRule.values())));
    assertThat(
        (double) invalid / messages.size(),
        allOf(greaterThanOrEqualTo(0.004), lessThanOrEqualTo(0.006)));
    // each rule gets its share: 1 or 2 of the 14 kinds, so 1/14..2/14 of the invalid rows, +- slack
    for (Map.Entry<MessageRule, Integer> e : byRule.entrySet()) {
      assertThat(e.getKey().name(), e.getValue(), greaterThanOrEqualTo(invalid / 20));
    }
    assertThat(
        variants,
        equalTo(
            Set.of(
                "page NULL",
                "page blank",
                "time NULL",
                "time future",
                "sent 0",
                "viewed > sent",
                "viewed < 0",
                "purchased > viewed",
                "purchased < 0",
                "earnings NaN",
                "earnings < 0",
                "earnings inf",
                "price < 0",
                "price NaN")));
    for (MessageRule r : MessageRule.values()) {
      assertThat(summary.invalidByRule().get(r), equalTo((long) byRule.get(r)));
    }
  }

  private static String variant(MessageRule r, Row m) {
    switch (r) {
      case PAGE_NAME_MISSING:
        return m.getString("page_name") == null ? "page NULL" : "page blank";
      case SENDING_TIME_MISSING:
        return "time NULL";
      case SENDING_TIME_IN_FUTURE:
        return "time future";
      case SENT_COUNT_BELOW_ONE:
        return "sent " + m.getInt64("sent_count");
      case VIEWED_COUNT_OUT_OF_RANGE:
        return m.getInt64("viewed_count") < 0 ? "viewed < 0" : "viewed > sent";
      case PURCHASED_COUNT_OUT_OF_RANGE:
        return m.getInt64("purchased_count") < 0 ? "purchased < 0" : "purchased > viewed";
      case EARNINGS_INVALID:
        {
          double e = m.getDouble("earnings");
          return Double.isNaN(e)
              ? "earnings NaN"
              : Double.isInfinite(e) ? "earnings inf" : "earnings < 0";
        }
      default:
        return Double.isNaN(m.getDouble("price")) ? "price NaN" : "price < 0";
    }
  }

  @Test
  void validRowsAreConsistent() {
    long valid = 0;
    long paid = 0;
    long exactEarnings = 0;
    Set<String> types = new HashSet<>();
    for (Row m : messages) {
      if (MessageValidator.check(m, NOW) != null) {
        continue;
      }
      valid++;
      long t = millis(m, "sending_time");
      assertThat(t, allOf(greaterThanOrEqualTo(NOW_MS - 120 * DAY_MS), lessThan(NOW_MS)));
      long sent = m.getInt64("sent_count");
      long viewed = m.getInt64("viewed_count");
      long purchased = m.getInt64("purchased_count");
      assertThat(sent, greaterThanOrEqualTo(1L));
      assertThat(viewed, allOf(greaterThanOrEqualTo(0L), lessThanOrEqualTo(sent)));
      assertThat(purchased, allOf(greaterThanOrEqualTo(0L), lessThanOrEqualTo(viewed)));
      String type = m.getString("message_type");
      types.add(type);
      Double price = m.getDouble("price");
      double earnings = m.getDouble("earnings");
      if (type.equals("FREE")) {
        assertThat(price, nullValue());
        assertThat(earnings, equalTo(0.0));
      } else {
        paid++;
        assertThat(price, greaterThan(0.0));
        double expected = Math.round(purchased * price * 100) / 100.0;
        assertThat(earnings, greaterThanOrEqualTo(expected));
        if (earnings == expected) {
          exactEarnings++;
        }
      }
    }
    assertThat(valid, equalTo(CONFIG.messages() - summary.invalidMessages()));
    assertThat(types, equalTo(Set.of("PPV", "BUNDLE", "FREE")));
    assertThat(
        "earnings = purchased * price for most paid messages",
        exactEarnings,
        greaterThan(paid * 9 / 10));
    assertThat("some earnings include tips", exactEarnings, lessThan(paid));
  }

  // ----------------------------------------------------------------------------- attribution

  @Test
  void aboutTenPercentOfMessagesHaveNoCaptionIdButACaptionsText() {
    Map<String, Integer> sharedNorm = new HashMap<>();
    Map<String, Map<String, Integer>> ownNorm = new HashMap<>();
    for (Row c : captions) {
      String n = TextNormalizer.normalize(c.getString("caption_text"));
      String page = c.getString("page_name");
      if (page == null) {
        sharedNorm.merge(n, 1, Integer::sum);
      } else {
        ownNorm.computeIfAbsent(page, p -> new HashMap<>()).merge(n, 1, Integer::sum);
      }
    }
    long attributable = 0;
    long attributableChanged = 0;
    long ambiguous = 0;
    long free = 0;
    long withPage = 0;
    for (Row m : messages) {
      String page = m.getString("page_name");
      if (page == null || page.isBlank()) {
        continue;
      }
      withPage++;
      Long captionId = m.getInt64("caption_id");
      String text = m.getString("message");
      if (captionId != null) {
        Row c = captionById.get(captionId);
        assertThat(
            "message " + m.getInt64("message_id") + " uses an unknown caption", c, notNullValue());
        assertThat(text, equalTo(c.getString("caption_text")));
        assertThat(c.getString("page_name"), oneOf(null, page));
        continue;
      }
      String n = TextNormalizer.normalize(text);
      int matches =
          sharedNorm.getOrDefault(n, 0) + ownNorm.getOrDefault(page, Map.of()).getOrDefault(n, 0);
      if (matches == 1) {
        attributable++;
        if (!text.equals(n)) {
          attributableChanged++;
        }
      } else if (matches == 0) {
        free++;
      } else {
        ambiguous++;
      }
    }
    assertThat(
        (double) attributable / withPage,
        allOf(greaterThanOrEqualTo(0.08), lessThanOrEqualTo(0.12)));
    assertThat(
        "most attributable texts differ from the caption in case or spaces",
        attributableChanged,
        greaterThan(attributable * 3 / 4));
    assertThat(free, greaterThan(withPage / 100));
    assertThat(ambiguous, greaterThan(0L));
    assertThat(ambiguous, lessThan(attributable / 5));
  }

  // ------------------------------------------------------------------------- time effects

  @Test
  void sendTimesAndResponsesFollowLosAngelesHourAndWeekday() {
    long evening = 0;
    long night = 0;
    long saturday = 0;
    long tuesday = 0;
    long[] eveningConv = new long[2];
    long[] nightConv = new long[2];
    for (Row m : messages) {
      if (MessageValidator.check(m, NOW) != null) {
        continue;
      }
      ZonedDateTime z = Instant.ofEpochMilli(millis(m, "sending_time")).atZone(LaTime.ZONE);
      int h = z.getHour();
      if (h >= 18 && h <= 22) {
        evening++;
        if (m.getDouble("price") != null) {
          eveningConv[0] += m.getInt64("purchased_count");
          eveningConv[1] += m.getInt64("viewed_count");
        }
      } else if (h >= 2 && h <= 6) {
        night++;
        if (m.getDouble("price") != null) {
          nightConv[0] += m.getInt64("purchased_count");
          nightConv[1] += m.getInt64("viewed_count");
        }
      }
      if (z.getDayOfWeek() == DayOfWeek.SATURDAY) {
        saturday++;
      } else if (z.getDayOfWeek() == DayOfWeek.TUESDAY) {
        tuesday++;
      }
    }
    assertThat("evening sends outnumber night sends", evening, greaterThan(4 * night));
    assertThat(saturday * 100, greaterThan(tuesday * 120));
    double eveningRate = (double) eveningConv[0] / eveningConv[1];
    double nightRate = (double) nightConv[0] / nightConv[1];
    assertThat("fans buy more in the evening", eveningRate, greaterThan(1.2 * nightRate));
  }

  @Test
  void hiddenPropensityDrivesPurchases() {
    Plan plan = Plan.build(CONFIG);
    Map<Long, Double> propensity = new HashMap<>();
    for (Caption c : plan.shared) {
      propensity.put(c.id(), c.propensity());
    }
    for (List<Caption> own : plan.own) {
      for (Caption c : own) {
        propensity.put(c.id(), c.propensity());
      }
    }
    assertThat(propensity.size(), equalTo(captions.size()));
    long[] high = new long[2];
    long[] low = new long[2];
    for (Row m : messages) {
      Long cid = m.getInt64("caption_id");
      if (cid == null || m.getDouble("price") == null || MessageValidator.check(m, NOW) != null) {
        continue;
      }
      long[] acc = propensity.get(cid) >= 0.5 ? high : low;
      acc[0] += m.getInt64("purchased_count");
      acc[1] += m.getInt64("viewed_count");
    }
    double highRate = (double) high[0] / high[1];
    double lowRate = (double) low[0] / low[1];
    assertThat(highRate, greaterThan(1.3 * lowRate));
  }

  // ----------------------------------------------------------------------------------- locks

  @Test
  void locksComeInEveryStateTheSweepHandles() throws Exception {
    Map<String, Integer> states = new HashMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Set<String> keys = new HashSet<>();
    int withoutKey = 0;
    for (Row l : locks) {
      String page = l.getString("page_name");
      long cid = l.getInt64("caption_id");
      Row c = captionById.get(cid);
      assertThat(c, notNullValue());
      assertThat(c.getString("page_name"), oneOf(null, page));
      assertThat(l.getString("caption_text"), equalTo(c.getString("caption_text")));
      assertThat(l.getString("price_tier"), equalTo(c.getString("price_tier")));
      assertThat(l.getString("schedule_id"), notNullValue());
      long assignedAt = millis(l, "assigned_at");
      assertThat(assignedAt, lessThanOrEqualTo(NOW_MS));
      Instant assigned = Instant.ofEpochMilli(assignedAt);
      assertThat(l.getValue("assigned_date"), equalTo(LaTime.dateOf(assigned)));
      LocalDate send = l.getValue("scheduled_send_date");
      Long hour = l.getInt64("scheduled_send_hour");
      assertThat(send == null, equalTo(hour == null));
      boolean active = l.getBoolean("is_active");
      String key = l.getString("assignment_key");
      if (key == null) {
        withoutKey++;
      } else {
        String date = send != null ? send.toString() : LaTime.dateOf(assigned).toString();
        long h = hour != null ? hour : LaTime.hourOf(assigned);
        String expected =
            HexFormat.of()
                .formatHex(
                    sha.digest(
                        (page + "|" + cid + "|" + date + "|" + h)
                            .getBytes(StandardCharsets.UTF_8)));
        assertThat(key, equalTo(expected));
        assertThat("assignment_key unique", keys.add(key), is(true));
      }
      String state;
      if (!active) {
        assertThat(l.getValue("deactivated_at"), notNullValue());
        assertThat(
            millis(l, "deactivated_at"), allOf(greaterThan(assignedAt), lessThanOrEqualTo(NOW_MS)));
        assertThat(l.getString("deactivation_reason"), oneOf("PAST_SEND_DATE", "STALE"));
        state = "inactive " + l.getString("deactivation_reason");
      } else {
        assertThat(l.getValue("deactivated_at"), nullValue());
        assertThat(l.getString("deactivation_reason"), nullValue());
        if (send != null) {
          state = send.isBefore(TODAY) ? "past send date" : "future";
        } else {
          state = assignedAt < NOW_MS - 7 * DAY_MS ? "stale" : "unscheduled recent";
        }
      }
      states.merge(state, 1, Integer::sum);
    }
    assertThat(
        states.keySet(),
        equalTo(
            Set.of(
                "future",
                "past send date",
                "stale",
                "unscheduled recent",
                "inactive PAST_SEND_DATE",
                "inactive STALE")));
    assertThat(withoutKey, greaterThan(0));
    assertThat(withoutKey, lessThan(locks.size() / 10));
    assertThat((long) withoutKey, equalTo(summary.locksWithoutKey()));
    assertThat(
        summary.locksByState().get("PAST_SEND_DATE"), equalTo((long) states.get("past send date")));
    assertThat(summary.locksByState().get("STALE"), equalTo((long) states.get("stale")));
    assertThat(summary.locksByState().get("SCHEDULED"), equalTo((long) states.get("future")));
  }

  @Test
  void saturationIsAboveEightyPercentOnSomePagesAndBelowOnOthers() {
    LocalDate cutoff = TODAY.minusDays(7);
    Set<Long> sharedActive = new HashSet<>();
    Map<String, Set<Long>> ownActive = new HashMap<>();
    for (Row c : captions) {
      if (!c.getBoolean("is_active")) {
        continue;
      }
      String page = c.getString("page_name");
      if (page == null) {
        sharedActive.add(c.getInt64("caption_id"));
      } else {
        ownActive.computeIfAbsent(page, p -> new HashSet<>()).add(c.getInt64("caption_id"));
      }
    }
    Map<String, Set<Long>> unavailable = new HashMap<>();
    for (Row l : locks) {
      LocalDate send = l.getValue("scheduled_send_date");
      String page = l.getString("page_name");
      long cid = l.getInt64("caption_id");
      boolean inPool =
          sharedActive.contains(cid) || ownActive.getOrDefault(page, Set.of()).contains(cid);
      if (send != null && !send.isBefore(cutoff) && inPool) {
        unavailable.computeIfAbsent(page, p -> new HashSet<>()).add(cid);
      }
    }
    int above = 0;
    int below = 0;
    List<Double> pcts = new ArrayList<>();
    for (int i = 0; i < CONFIG.pages(); i++) {
      String page = Plan.pageName(i);
      int pool = sharedActive.size() + ownActive.getOrDefault(page, Set.of()).size();
      double pct = 100.0 * unavailable.getOrDefault(page, Set.of()).size() / pool;
      pcts.add(pct);
      if (pct >= 80) {
        above++;
      } else {
        below++;
      }
    }
    assertThat(pcts.toString(), above, greaterThanOrEqualTo(3));
    assertThat(pcts.toString(), below, greaterThanOrEqualTo(3));
    assertThat(pcts.stream().min(Comparator.naturalOrder()).orElseThrow(), lessThan(60.0));
    assertThat(summary.pagesSaturated(), equalTo(above));
    assertThat(summary.pagesUnsaturated(), equalTo(below));
  }

  // ------------------------------------------------------------- determinism and replacement

  @Test
  void sameSeedAndNowGiveIdenticalRowsAndAnotherSeedDifferentOnes(@TempDir Path dir)
      throws Exception {
    GeneratorConfig small = new GeneratorConfig(5_000, 6, 7, NOW);
    List<List<String>> first = generateAndDump(dir.resolve("a"), small);
    List<List<String>> again = generateAndDump(dir.resolve("b"), small);
    List<List<String>> otherSeed =
        generateAndDump(dir.resolve("c"), new GeneratorConfig(5_000, 6, 8, NOW));
    List<List<String>> otherNow =
        generateAndDump(
            dir.resolve("d"), new GeneratorConfig(5_000, 6, 7, NOW.plusSeconds(86_400)));
    for (int t = 0; t < 3; t++) {
      assertThat(first.get(t).size(), greaterThan(0));
      assertThat(again.get(t), equalTo(first.get(t)));
      assertThat(otherSeed.get(t), not(equalTo(first.get(t))));
      assertThat(otherNow.get(t), not(equalTo(first.get(t))));
    }
  }

  @Test
  void runningAgainReplacesTheTablesInsteadOfAddingRows(@TempDir Path dir) {
    try (TempDuckDb local = new TempDuckDb(dir)) {
      DuckDbWarehouse wh = local.warehouse();
      Generator.generate(wh, new GeneratorConfig(6_000, 5, 1, NOW), null);
      GeneratorSummary second = Generator.generate(wh, new GeneratorConfig(4_000, 4, 2, NOW), null);
      assertThat(count(wh, Tables.MASS_MESSAGES), equalTo(4_000L));
      assertThat(count(wh, Tables.CAPTION_BANK), equalTo(second.captions()));
      assertThat(count(wh, Tables.ACTIVE_CAPTION_ASSIGNMENTS), equalTo(second.locks()));
      Generator.generate(wh, new GeneratorConfig(4_000, 4, 2, NOW), null);
      assertThat(count(wh, Tables.MASS_MESSAGES), equalTo(4_000L));
      assertThat(count(wh, Tables.CAPTION_BANK), equalTo(second.captions()));
      assertThat(count(wh, Tables.ACTIVE_CAPTION_ASSIGNMENTS), equalTo(second.locks()));
      assertThat(wh.longScalar("SELECT count(DISTINCT page_name) FROM caption_bank"), equalTo(4L));
    }
  }

  @Test
  void zeroMessagesStillWritesCaptionsAndLocks(@TempDir Path dir) {
    try (TempDuckDb local = new TempDuckDb(dir)) {
      GeneratorSummary s =
          Generator.generate(local.warehouse(), new GeneratorConfig(0, 3, 5, NOW), null);
      assertThat(count(local.warehouse(), Tables.MASS_MESSAGES), equalTo(0L));
      assertThat(s.captions(), greaterThan(0L));
      assertThat(s.locks(), greaterThan(0L));
      assertThat(s.invalidMessages(), equalTo(0L));
    }
  }

  private static List<List<String>> generateAndDump(Path dir, GeneratorConfig cfg)
      throws Exception {
    Files.createDirectories(dir);
    try (TempDuckDb local = new TempDuckDb(dir)) {
      Generator.generate(local.warehouse(), cfg, null);
      List<List<String>> tables = new ArrayList<>();
      for (TableDef t :
          List.of(Tables.MASS_MESSAGES, Tables.CAPTION_BANK, Tables.ACTIVE_CAPTION_ASSIGNMENTS)) {
        List<String> rows = new ArrayList<>();
        for (Row r : all(local.warehouse(), t)) {
          rows.add(r.getValues().toString());
        }
        rows.sort(Comparator.naturalOrder());
        tables.add(rows);
      }
      return tables;
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  static List<Row> all(DuckDbWarehouse wh, TableDef table) {
    return wh.query(table, ReadSpec.all());
  }

  static long count(DuckDbWarehouse wh, TableDef table) {
    return wh.longScalar("SELECT count(*) FROM " + table.name());
  }

  static long millis(Row r, String column) {
    return Timestamps.get(r, column).toEpochMilli();
  }

  @Test
  void everyPageSendsAndEveryMessagePageExists() {
    Set<String> pages = new HashSet<>();
    for (Row m : messages) {
      String p = m.getString("page_name");
      if (p != null && !p.isBlank()) {
        pages.add(p);
      }
    }
    assertThat(pages.size(), equalTo(15));
    assertThat(pages, everyItem(matchesPattern("page_00(0[1-9]|1[0-5])")));
  }
}
