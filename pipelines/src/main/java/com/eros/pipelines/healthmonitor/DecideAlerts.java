package com.eros.pipelines.healthmonitor;

import com.eros.common.table.Tables;
import com.eros.common.warehouse.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Evaluates the rules on the snapshot and turns each firing into an automation_alerts row, unless
 * the rule's cooldown suppresses it (the recent alerts are read from the table as a side input).
 */
public final class DecideAlerts extends PTransform<PCollection<HealthSnapshot>, PCollection<Row>> {
  public static final String METRICS = "health_monitor";
  private final Warehouse warehouse;
  private final RuleSet rules;
  private final String jobId;
  private final Instant now;

  public DecideAlerts(Warehouse warehouse, RuleSet rules, String jobId, Instant now) {
    super("Decide alerts");
    this.warehouse = warehouse;
    this.rules = rules;
    this.jobId = jobId;
    this.now = now;
  }

  @Override
  public PCollection<Row> expand(PCollection<HealthSnapshot> snapshot) {
    PCollectionView<List<Row>> recent =
        snapshot
            .getPipeline()
            .begin()
            .apply(
                "Read recent alerts",
                warehouse.read(
                    Tables.AUTOMATION_ALERTS, HealthRows.recentAlerts(now, rules.maxCooldown())))
            .apply("View recent alerts", View.asList());
    return snapshot
        .apply(
            "Evaluate rules",
            ParDo.of(new EvaluateRulesFn(rules, jobId, recent)).withSideInputs(recent))
        .setRowSchema(Tables.AUTOMATION_ALERTS.schema());
  }

  /** Rules + cooldown on the (single) snapshot; counts fired_RULE and suppressed_RULE. */
  static final class EvaluateRulesFn extends DoFn<HealthSnapshot, Row> {
    private final RuleSet rules;
    private final String jobId;
    private final PCollectionView<List<Row>> recent;
    private final Counter evaluated = Metrics.counter(METRICS, "rules_evaluated");

    EvaluateRulesFn(RuleSet rules, String jobId, PCollectionView<List<Row>> recent) {
      this.rules = rules;
      this.jobId = jobId;
      this.recent = recent;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      HealthSnapshot s = c.element();
      List<Cooldown.PriorAlert> prior = new ArrayList<>();
      for (Row r : c.sideInput(recent)) {
        prior.add(HealthRows.priorAlert(r));
      }
      evaluated.inc(rules.enabled().size());
      for (Cooldown.Decision d :
          Cooldown.decide(RulesEngine.evaluate(rules, s), prior, rules, s.now())) {
        if (d.suppressed()) {
          Metrics.counter(METRICS, "suppressed_" + d.firing().ruleName()).inc();
        } else {
          Metrics.counter(METRICS, "fired_" + d.firing().ruleName()).inc();
          c.output(HealthRows.alert(d.firing(), jobId, s.now()));
        }
      }
    }
  }
}
