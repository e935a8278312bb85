package com.eros.tools.generate;

import com.eros.common.table.Tables;
import com.eros.common.table.Timestamps;
import com.eros.common.validate.MessageRule;
import com.eros.common.validate.MessageValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * Streams the {@code mass_messages} rows of one page. Send times follow the page's Los Angeles hour
 * and weekday volume; views and purchases follow the page's hidden rates, the hour and weekday
 * response, fatigue in the last 7 days, and the hidden propensity of the caption used.
 */
final class PageMessageStream {
  /** Share of messages sent without caption_id but with a caption's text (case/space variant). */
  static final double UNCAPTIONED_SHARE = 0.10;

  /** Share of free-text messages that match no caption. */
  static final double FREE_TEXT_SHARE = 0.03;

  /** Share of messages (on pages that have ambiguous texts) whose text matches two captions. */
  static final double AMBIGUOUS_SHARE = 0.005;

  private static final Schema SCHEMA = Tables.MASS_MESSAGES.schema();
  private static final double[] TIER_PRICE = {0.6, 1.0, 1.6, 2.5};
  private static final double[] TIER_CONVERSION = {1.4, 1.0, 0.7, 0.5};

  /** What kind of text a message carries, for the summary. */
  enum Kind {
    CAPTIONED,
    UNCAPTIONED_ATTRIBUTABLE,
    AMBIGUOUS,
    FREE_TEXT
  }

  /** Running counts over all pages. */
  static final class Stats {
    long rows;
    final long[] byKind = new long[Kind.values().length];
    final long[] invalidByRule = new long[MessageRule.values().length];
  }

  private final Plan plan;
  private final PageProfile page;
  private final SplittableRandom rng;
  private final List<Caption> visible;
  private final List<Caption> attributable;
  private final List<Caption> ambiguous;
  private final List<Caption> core;
  private final double[] cumulative;
  private final int firstHour;
  private final long fatigueFromMs;

  PageMessageStream(Plan plan, PageProfile page) {
    this.plan = plan;
    this.page = page;
    this.rng = Rngs.of(plan.config.seed(), Rngs.MESSAGES, page.index());
    this.visible = plan.visible(page);
    Set<Long> ambiguousIds = plan.ambiguousFor(page);
    this.attributable = new ArrayList<>();
    this.ambiguous = new ArrayList<>();
    for (Caption c : visible) {
      if (ambiguousIds.contains(c.id())) {
        ambiguous.add(c);
      } else if (c.active()) {
        attributable.add(c);
      }
    }
    this.core = plan.shared.subList(0, Math.min(Plan.CORE_SHARED, plan.shared.size()));
    // Cumulative send weight over the hours of the page's active period.
    long from = Math.max(page.activeFromMs(), plan.startMs);
    long to = Math.min(page.activeToMs(), plan.nowMs);
    this.firstHour = (int) ((from - plan.gridStartMs) / Plan.HOUR_MS);
    int lastHour = (int) ((to - 1 - plan.gridStartMs) / Plan.HOUR_MS);
    this.cumulative = new double[Math.max(0, lastHour - firstHour + 1)];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      int h = firstHour + i;
      sum +=
          Plan.SEND_HOUR[Math.floorMod(plan.gridHour[h] - page.peakShift(), 24)]
              * Plan.SEND_DOW[plan.gridDow[h] - 1];
      cumulative[i] = sum;
    }
    this.fatigueFromMs = plan.nowMs - 7 * Plan.DAY_MS;
  }

  /** Generates the page's messages in message_id order and hands each row to {@code out}. */
  void generate(Consumer<Row> out, Stats stats) {
    long from = Math.max(page.activeFromMs(), plan.startMs);
    long to = Math.min(page.activeToMs(), plan.nowMs);
    for (long j = 0; j < page.messages(); j++) {
      long g = page.firstMessage() + j;
      long id = g + 1;
      int hourIndex = sampleHour();
      long t = sampleTime(hourIndex, from, to);
      int laHour = plan.gridHour[hourIndex];
      int laDow = plan.gridDow[hourIndex];

      double u = rng.nextDouble();
      Kind kind;
      Caption cap;
      String text;
      if (u < UNCAPTIONED_SHARE) {
        kind = Kind.UNCAPTIONED_ATTRIBUTABLE;
        cap = pick(attributable, t);
        text = Texts.variant(cap.text(), rng);
      } else if (u < UNCAPTIONED_SHARE + FREE_TEXT_SHARE) {
        kind = Kind.FREE_TEXT;
        cap = null;
        text = Texts.freeText(rng, id);
      } else if (u < UNCAPTIONED_SHARE + FREE_TEXT_SHARE + AMBIGUOUS_SHARE
          && !ambiguous.isEmpty()) {
        kind = Kind.AMBIGUOUS;
        cap = ambiguous.get(rng.nextInt(ambiguous.size()));
        text = rng.nextBoolean() ? cap.text() : Texts.variant(cap.text(), rng);
      } else {
        kind = Kind.CAPTIONED;
        cap = pick(visible, t);
        text = cap.text();
      }

      double propensity = cap == null ? 0.35 : cap.propensity();
      int tier = cap == null ? 1 : tierIndex(cap.priceTier());
      double kindDraw = rng.nextDouble();
      String type = kindDraw < 0.07 ? "FREE" : kindDraw < 0.12 ? "BUNDLE" : "PPV";
      long sent = Math.max(1, Math.round(page.audience() * (0.6 + 0.4 * rng.nextDouble())));
      boolean fatigue = page.fatigued() && t >= fatigueFromMs;
      double hourResponse =
          0.75 + 0.5 * Plan.SEND_HOUR[Math.floorMod(laHour - page.peakShift(), 24)] / 1.6;
      double dowResponse =
          Plan.RESPONSE_DOW[laDow - 1] * (laDow == page.favouriteDay() ? 1.2 : 1.0);
      double viewP =
          Plan.clamp(
              page.viewRate() * Math.sqrt(hourResponse * dowResponse) * (fatigue ? 0.7 : 1.0),
              0.005,
              0.97);
      long viewed = binomial(sent, viewP);
      Double price;
      long purchased;
      double earnings;
      if (type.equals("FREE")) {
        price = null;
        purchased = 0;
        earnings = 0.0;
      } else {
        boolean bundle = type.equals("BUNDLE");
        double level =
            page.priceLevel()
                * TIER_PRICE[tier]
                * (bundle ? 2.2 : 1.0)
                * Math.exp(0.15 * rng.nextGaussian());
        price = Math.max(2.99, Math.round(level) - 0.01);
        double conv =
            page.conversion()
                * TIER_CONVERSION[tier]
                * (0.3 + 1.4 * propensity)
                * hourResponse
                * dowResponse
                * (fatigue ? 0.7 : 1.0)
                * (bundle ? 0.6 : 1.0);
        purchased = Math.min(viewed, poisson(viewed * Plan.clamp(conv, 0, 0.95)));
        earnings = cents(purchased * price);
        if (purchased > 0 && rng.nextDouble() < 0.03) {
          earnings = cents(earnings + 1 + 40 * rng.nextDouble()); // a tip on top
        }
      }

      String pageName = page.name();
      Long sendMs = t;
      Long sentCount = sent;
      Long viewedCount = viewed;
      Long purchasedCount = purchased;
      Double earn = earnings;
      Corruption bad = plan.invalid.at(g);
      if (bad != null) {
        switch (bad) {
          case PAGE_NAME_NULL -> pageName = null;
          case PAGE_NAME_EMPTY -> pageName = rng.nextBoolean() ? "" : "   ";
          case SENDING_TIME_NULL -> sendMs = null;
          case SENDING_TIME_FUTURE ->
              sendMs = plan.nowMs + Plan.HOUR_MS + Rngs.between(rng, 60_000L, 30 * Plan.DAY_MS);
          case SENT_COUNT_ZERO -> sentCount = 0L;
          case VIEWED_ABOVE_SENT ->
              viewedCount = sent + 1 + rng.nextInt((int) Math.min(1000, sent / 10 + 1));
          case VIEWED_NEGATIVE -> viewedCount = -1L - rng.nextInt(5);
          case PURCHASED_ABOVE_VIEWED -> purchasedCount = viewed + 1 + rng.nextInt(3);
          case PURCHASED_NEGATIVE -> purchasedCount = -1L;
          case EARNINGS_NAN -> earn = Double.NaN;
          case EARNINGS_NEGATIVE -> earn = -cents(1 + 99 * rng.nextDouble());
          case EARNINGS_INFINITE -> earn = Double.POSITIVE_INFINITY;
          case PRICE_NEGATIVE -> price = -(price == null ? 9.99 : price);
          case PRICE_NAN -> price = Double.NaN;
          default -> throw new IllegalStateException("unhandled corruption " + bad);
        }
      }
      Long sendMicros = sendMs == null ? null : Rngs.micros(sendMs, plan.config.seed(), id);
      MessageRule broken =
          MessageValidator.check(
              pageName,
              sendMicros,
              sentCount,
              viewedCount,
              purchasedCount,
              earn,
              price,
              plan.nowMs * 1000L);
      if (broken != (bad == null ? null : bad.rule())) {
        throw new IllegalStateException(
            "generator bug: message " + id + " planted " + bad + " but breaks " + broken);
      }
      if (broken != null) {
        stats.invalidByRule[broken.ordinal()]++;
      }
      stats.byKind[kind.ordinal()]++;
      stats.rows++;
      out.accept(
          Row.withSchema(SCHEMA)
              .attachValues(
                  id,
                  pageName,
                  kind == Kind.CAPTIONED ? cap.id() : null,
                  text,
                  sendMicros == null ? null : Timestamps.ofMicros(sendMicros),
                  price,
                  sentCount,
                  viewedCount,
                  purchasedCount,
                  earn,
                  type));
    }
  }

  /**
   * A caption of {@code from} usable at {@code t}; falls back to an old, never retired shared
   * caption.
   */
  private Caption pick(List<Caption> from, long t) {
    if (!from.isEmpty()) {
      for (int attempt = 0; attempt < 8; attempt++) {
        Caption c = from.get(rng.nextInt(from.size()));
        if (c.usableAt(t)) {
          return c;
        }
      }
    }
    return core.get(rng.nextInt(core.size()));
  }

  private int sampleHour() {
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return firstHour + lo;
  }

  /** A uniform instant within grid hour {@code h}, clipped to [from, to). */
  private long sampleTime(int h, long from, long to) {
    long lo = Math.max(from, plan.gridStartMs + h * Plan.HOUR_MS);
    long hi = Math.min(to, plan.gridStartMs + (h + 1) * Plan.HOUR_MS);
    // Whole seconds, like the messaging system's timestamps.
    long t = Rngs.between(rng, lo, hi);
    long s = t - Math.floorMod(t, 1000L);
    return s >= lo ? s : t;
  }

  private long binomial(long n, double p) {
    if (n < 40) {
      long k = 0;
      for (long i = 0; i < n; i++) {
        if (rng.nextDouble() < p) {
          k++;
        }
      }
      return k;
    }
    double mean = n * p;
    double sd = Math.sqrt(mean * (1 - p));
    return Plan.clamp(Math.round(mean + sd * rng.nextGaussian()), 0, n);
  }

  private long poisson(double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 30) {
      double limit = Math.exp(-lambda);
      double prod = rng.nextDouble();
      long k = 0;
      while (prod > limit) {
        prod *= rng.nextDouble();
        k++;
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
  }

  static double cents(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  static int tierIndex(String tier) {
    for (int i = 0; i < Plan.TIERS.length; i++) {
      if (Plan.TIERS[i].equals(tier)) {
        return i;
      }
    }
    return 1;
  }
}
