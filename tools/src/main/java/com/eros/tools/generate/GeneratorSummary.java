package com.eros.tools.generate;

import com.eros.common.validate.MessageRule;
import java.io.PrintStream;
import java.util.Map;

/**
 * What {@link Generator#generate} wrote.
 *
 * @param messages rows of mass_messages
 * @param captions rows of caption_bank
 * @param locks rows of active_caption_assignments
 * @param invalidByRule invalid messages by the rule {@link
 *     com.eros.common.validate.MessageValidator} reports
 * @param captioned messages with a caption_id
 * @param uncaptionedAttributable messages without caption_id whose text matches exactly one caption
 *     visible to the page (modulo case and white space)
 * @param ambiguous messages without caption_id whose text matches two captions visible to the page
 * @param freeText messages without caption_id whose text matches no caption
 * @param locksByState locks by what the sweep would do now (SCHEDULED, PAST_SEND_DATE, STALE,
 *     UNSCHEDULED_RECENT, INACTIVE)
 * @param pagesSaturated pages with caption saturation >= 80 % for today's daily automation
 * @param seconds wall time of the generation, writes included
 */
public record GeneratorSummary(
    int pages,
    long messages,
    long captions,
    long locks,
    long sharedCaptions,
    long retiredCaptions,
    Map<MessageRule, Long> invalidByRule,
    long captioned,
    long uncaptionedAttributable,
    long ambiguous,
    long freeText,
    Map<String, Long> locksByState,
    long locksWithoutKey,
    long largestPageMessages,
    long medianPageMessages,
    int pagesSaturated,
    int pagesUnsaturated,
    double seconds) {

  public GeneratorSummary {
    invalidByRule = Map.copyOf(invalidByRule);
    locksByState = Map.copyOf(locksByState);
  }

  /** Invalid messages of every rule. */
  public long invalidMessages() {
    return invalidByRule.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Prints the summary table. */
  public void print(PrintStream out) {
    out.printf("%n  %-28s %14s%n", "table", "rows");
    out.printf(
        "  %-28s %,14d   (%,d shared, %,d page-owned; %,d retired)%n",
        "caption_bank", captions, sharedCaptions, captions - sharedCaptions, retiredCaptions);
    out.printf(
        "  %-28s %,14d   (%d pages: largest %,d messages, median %,d)%n",
        "mass_messages", messages, pages, largestPageMessages, medianPageMessages);
    out.printf("  %-28s %,14d%n", "active_caption_assignments", locks);
    out.println();
    out.printf(
        "  messages: %,d with caption_id, %,d without caption_id but with a caption's text (%s),%n",
        captioned, uncaptionedAttributable, pct(uncaptionedAttributable, messages));
    out.printf(
        "            %,d matching two captions (ambiguous), %,d free text%n", ambiguous, freeText);
    out.printf(
        "  invalid messages: %,d (%s)%n", invalidMessages(), pct(invalidMessages(), messages));
    for (MessageRule r : MessageRule.values()) {
      out.printf("    %-30s %,10d%n", r.name(), invalidByRule.getOrDefault(r, 0L));
    }
    out.print("  locks by state now:");
    for (LockState s : LockState.values()) {
      out.printf(" %s %,d;", s.name(), locksByState.getOrDefault(s.name(), 0L));
    }
    out.printf(" without assignment_key %,d%n", locksWithoutKey);
    out.printf(
        "  caption saturation today: %d pages >= 80 %% (not queued), %d pages < 80 %%%n",
        pagesSaturated, pagesUnsaturated);
    out.printf("  generated in %.1f s%n", seconds);
  }

  private static String pct(long part, long whole) {
    return whole == 0 ? "0 %" : String.format("%.1f %%", 100.0 * part / whole);
  }
}
