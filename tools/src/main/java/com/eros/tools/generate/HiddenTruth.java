package com.eros.tools.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;

/**
 * The generator's world with its hidden truth, for tests that judge the caption statistics against
 * it (the statistical validation of the backtest). Nothing here is ever written to a table: a
 * caption's propensity (0..1) is what scales the purchase rate of the sends that use it, so within
 * a page and price tier a higher propensity means a higher chance that a send's EMV beats the page
 * median. Same config, same world as {@code ./eros generate}.
 */
public final class HiddenTruth {
  private final Plan plan;

  private HiddenTruth(Plan plan) {
    this.plan = plan;
  }

  public static HiddenTruth of(GeneratorConfig config) {
    return new HiddenTruth(Plan.build(config));
  }

  /** Every caption's hidden propensity, by caption_id. */
  public Map<Long, Double> propensities() {
    Map<Long, Double> out = new LinkedHashMap<>();
    for (Caption c : plan.shared) {
      out.put(c.id(), c.propensity());
    }
    for (List<Caption> own : plan.own) {
      for (Caption c : own) {
        out.put(c.id(), c.propensity());
      }
    }
    return out;
  }

  /** The caption_bank rows, as {@code ./eros generate} writes them. */
  public void captionRows(Consumer<Row> out) {
    plan.shared.forEach(c -> out.accept(Generator.captionRow(c)));
    plan.own.forEach(l -> l.forEach(c -> out.accept(Generator.captionRow(c))));
  }

  /**
   * The mass_messages rows (invalid ones included), page by page, as {@code ./eros generate} writes
   * them.
   */
  public void messageRows(Consumer<Row> out) {
    PageMessageStream.Stats stats = new PageMessageStream.Stats();
    for (PageProfile page : plan.pages) {
      new PageMessageStream(plan, page).generate(out, stats);
    }
  }
}
