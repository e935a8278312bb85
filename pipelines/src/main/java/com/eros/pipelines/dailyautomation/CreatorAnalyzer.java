package com.eros.pipelines.dailyautomation;

import com.eros.common.stats.CreatorTiers;
import com.eros.common.stats.Fatigue;
import com.eros.common.table.Timestamps;
import com.eros.common.time.LaTime;
import java.time.DayOfWeek;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The creator analysis of docs/daily-automation.md §2, in plain Java (one pass over the page's
 * messages).
 *
 * <ul>
 *   <li>messages, revenue (Σ earnings), RPR = Σ earnings / Σ sent, view rate = Σ viewed / Σ sent,
 *       conversion = Σ purchased / Σ viewed (0 when nothing was viewed);
 *   <li>size tier by revenue and segment by messages and RPR ({@link CreatorTiers});
 *   <li>best three Los Angeles send hours and best Los Angeles weekday by RPR of the slot (Σ
 *       earnings / Σ sent of its messages). A slot needs at least {@value #MIN_SLOT_MESSAGES}
 *       messages. Ties: higher RPR first, then more messages, then the earlier hour (0..23) or the
 *       earlier weekday (Monday first). Fewer than three eligible hours leave the rest NULL;
 *   <li>fatigue ({@link Fatigue}): recent = [D − 7, D), baseline = [D − 37, D − 7).
 *       <ul>
 *         <li>view-rate component: recent view rate &lt; 85 % of baseline view rate;
 *         <li>RPR component: recent RPR &lt; 80 % of baseline RPR;
 *         <li>last-three-days component: the baseline has messages, and <b>each</b> of the Los
 *             Angeles dates D − 1, D − 2 and D − 3 has at least one message and that day's RPR is
 *             strictly below the baseline RPR. A day without messages is not "below": it breaks the
 *             run of three.
 *       </ul>
 *       A component whose recent or baseline window has no messages cannot be compared and counts 0
 *       (its rates are NaN, stored as NULL).
 * </ul>
 *
 * Sums are taken in a fixed order (sending time, then the figures), so the result does not depend
 * on the order in which the store returns rows. Messages outside [D − analysisDays, D) are ignored;
 * a page with no message left is an error.
 */
public final class CreatorAnalyzer implements Analyzer {
  private static final long serialVersionUID = 1L;
  public static final int MIN_SLOT_MESSAGES = 5;

  /** How many of the last days the fatigue rule looks at (D − 1 .. D − 3). */
  public static final int LAST_DAYS = 3;

  private static final ZoneRules LA_RULES = LaTime.ZONE.getRules();

  /**
   * A total order on messages (time, then the figures), written out: it runs ~30 M times per run.
   */
  private static final Comparator<Message> ORDER =
      (a, b) -> {
        int c = Long.compare(a.sendingMicros(), b.sendingMicros());
        if (c != 0) {
          return c;
        }
        c = Double.compare(a.earnings(), b.earnings());
        if (c != 0) {
          return c;
        }
        c = Long.compare(a.sent(), b.sent());
        if (c != 0) {
          return c;
        }
        c = Long.compare(a.viewed(), b.viewed());
        return c != 0 ? c : Long.compare(a.purchased(), b.purchased());
      };

  @Override
  public CreatorProfile analyze(String pageName, List<Message> messages, Windows w) {
    long end = w.startMicros(0);
    long analysisStart = w.startMicros(w.analysisDays());
    long recentStart = w.startMicros(Windows.RECENT_DAYS);
    long baselineStart = w.startMicros(Windows.FATIGUE_DAYS);
    long[] dayStart =
        new long
            [LAST_DAYS + 1]; // dayStart[k] = start of D − k; day k = [dayStart[k], dayStart[k-1])
    for (int k = 0; k <= LAST_DAYS; k++) {
      dayStart[k] = w.startMicros(k);
    }

    Totals all = new Totals(-1);
    Totals recent = new Totals(-1);
    Totals baseline = new Totals(-1);
    Totals[] lastDays = new Totals[LAST_DAYS + 1];
    Totals[] hours = new Totals[24];
    Totals[] weekdays = new Totals[7];
    for (int i = 0; i <= LAST_DAYS; i++) {
      lastDays[i] = new Totals(i);
    }
    for (int h = 0; h < 24; h++) {
      hours[h] = new Totals(h);
    }
    for (int d = 0; d < 7; d++) {
      weekdays[d] = new Totals(d);
    }

    // Floating-point sums depend on their order and the store returns rows in no fixed order:
    // summing in a fixed order makes a re-run of D give bit-identical profiles.
    Message[] ordered = messages.toArray(new Message[0]);
    java.util.Arrays.sort(ordered, ORDER);
    for (Message m : ordered) {
      long t = m.sendingMicros();
      if (t < analysisStart || t >= end) {
        continue;
      }
      all.add(m);
      if (t >= recentStart) {
        recent.add(m);
        for (int k = 1; k <= LAST_DAYS; k++) {
          if (t >= dayStart[k] && t < dayStart[k - 1]) {
            lastDays[k].add(m);
          }
        }
      } else if (t >= baselineStart) {
        baseline.add(m);
      }
      long localSeconds =
          Math.floorDiv(t, 1_000_000L)
              + LA_RULES.getOffset(Timestamps.ofMicros(t)).getTotalSeconds();
      hours[(int) Math.floorMod(Math.floorDiv(localSeconds, 3600L), 24L)].add(m);
      // 1970-01-01 was a Thursday: index 3 when Monday is 0.
      weekdays[(int) Math.floorMod(Math.floorDiv(localSeconds, 86_400L) + 3, 7L)].add(m);
    }
    if (all.count == 0) {
      throw new IllegalArgumentException(
          "page " + pageName + " has no valid message in the analysis window");
    }

    List<Totals> bestHours = best(hours);
    List<Totals> bestDay = best(weekdays);

    double baselineRpr = baseline.rpr();
    boolean lastThreeBelow = !Double.isNaN(baselineRpr);
    for (int k = 1; k <= LAST_DAYS && lastThreeBelow; k++) {
      lastThreeBelow = lastDays[k].count > 0 && lastDays[k].rpr() < baselineRpr;
    }
    Fatigue.Result fatigue =
        Fatigue.score(
            recent.viewRate(), baseline.viewRate(), recent.rpr(), baselineRpr, lastThreeBelow);

    double rpr = all.rpr();
    return new CreatorProfile(
        pageName,
        all.count,
        all.earnings,
        rpr,
        all.viewRate(),
        all.viewed == 0 ? 0.0 : (double) all.purchased / all.viewed,
        CreatorTiers.sizeTier(all.earnings),
        CreatorTiers.segment(all.count, rpr),
        bestHours.size() > 0 ? bestHours.get(0).slot : null,
        bestHours.size() > 1 ? bestHours.get(1).slot : null,
        bestHours.size() > 2 ? bestHours.get(2).slot : null,
        bestDay.isEmpty() ? null : DayOfWeek.of(bestDay.get(0).slot + 1).name(),
        recent.viewRate(),
        baseline.viewRate(),
        recent.rpr(),
        baselineRpr,
        lastThreeBelow,
        fatigue.score(),
        fatigue.risk(),
        fatigue.volumeFactor());
  }

  /** Eligible slots (≥ MIN_SLOT_MESSAGES messages) ordered best first. */
  static List<Totals> best(Totals[] slots) {
    List<Totals> eligible = new ArrayList<>();
    for (Totals s : slots) {
      if (s.count >= MIN_SLOT_MESSAGES) {
        eligible.add(s);
      }
    }
    eligible.sort(
        Comparator.comparingDouble(Totals::rpr)
            .reversed()
            .thenComparing(Comparator.comparingLong((Totals s) -> s.count).reversed())
            .thenComparingInt(s -> s.slot));
    return eligible;
  }

  /** Running sums over a set of messages. */
  static final class Totals {
    final int slot;
    long count;
    // sums of counts in doubles: exact up to 2^53 and never wrapping past 2^63 like a long would
    double sent;
    double viewed;
    double purchased;
    double earnings;

    Totals(int slot) {
      this.slot = slot;
    }

    void add(Message m) {
      count++;
      sent += m.sent();
      viewed += m.viewed();
      purchased += m.purchased();
      earnings += m.earnings();
    }

    /** Σ earnings / Σ sent, NaN when nothing was sent. */
    double rpr() {
      return sent == 0 ? Double.NaN : earnings / sent;
    }

    /** Σ viewed / Σ sent, NaN when nothing was sent. */
    double viewRate() {
      return sent == 0 ? Double.NaN : viewed / sent;
    }
  }
}
