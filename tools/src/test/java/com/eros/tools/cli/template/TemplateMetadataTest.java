package com.eros.tools.cli.template;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eros.common.template.TemplateParameter;
import com.eros.common.template.TemplateParameter.ParamType;
import com.eros.tools.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;
import org.junit.jupiter.api.Test;

/**
 * The generator on small options interfaces: what it writes, and each annotation mistake it
 * refuses.
 */
class TemplateMetadataTest {

  /** Shared options, as WarehouseOptions or AlertOptions are. */
  public interface SharedOptions extends PipelineOptions {
    @Description("Where the tables live.")
    @Default.String("local:file")
    @TemplateParameter(
        label = "Warehouse",
        helpText = "The dataset, as remote:NAME.",
        regexes = "^remote:[a-z]+$",
        optional = false,
        example = "remote:eros")
    String getStore();

    void setStore(String value);

    @Description("Id of the run.")
    @TemplateParameter(label = "Run id", regexes = "^[a-z0-9-]{1,20}$", example = "run-1")
    String getRunId();

    void setRunId(String value);
  }

  /** A pipeline's own options over the shared ones. */
  public interface FixtureOptions extends SharedOptions {
    @Description("Saturation threshold in percent.")
    @Default.Integer(80)
    @TemplateParameter(
        label = "Threshold (%)",
        regexes = "^(100|[1-9]?[0-9])$",
        paramType = ParamType.NUMBER)
    int getThreshold();

    void setThreshold(int value);

    @Description("Only report, change nothing.")
    @Default.Boolean(false)
    @TemplateParameter(label = "Dry run", regexes = "^(true|false)$", paramType = ParamType.BOOLEAN)
    boolean isDryRun();

    void setDryRun(boolean value);

    @Description("A local folder for debugging output.")
    @TemplateParameter.LocalOnly("a local folder means nothing on a Dataflow worker")
    String getDebugDir();

    void setDebugDir(String value);

    @Description("Los Angeles date to process.")
    @Validation.Required
    @TemplateParameter(label = "Date", regexes = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", optional = false)
    String getDate();

    void setDate(String value);
  }

  @Test
  void writesTheTemplateRequiredParametersFirstThenByInterfaceAndName() throws Exception {
    JsonNode m = TemplateMetadata.of("EROS fixture", "Does fixture things.", FixtureOptions.class);

    String expected =
        """
        {
          "name": "EROS fixture",
          "description": "Does fixture things.",
          "parameters": [
            {
              "name": "date",
              "label": "Date",
              "helpText": "Los Angeles date to process.",
              "isOptional": false,
              "regexes": [
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
              ],
              "paramType": "TEXT"
            },
            {
              "name": "store",
              "label": "Warehouse",
              "helpText": "The dataset, as remote:NAME. (Example: remote:eros)",
              "isOptional": false,
              "regexes": [
                "^remote:[a-z]+$"
              ],
              "paramType": "TEXT"
            },
            {
              "name": "dryRun",
              "label": "Dry run",
              "helpText": "Only report, change nothing. (Default: false)",
              "isOptional": true,
              "regexes": [
                "^(true|false)$"
              ],
              "paramType": "BOOLEAN"
            },
            {
              "name": "threshold",
              "label": "Threshold (%)",
              "helpText": "Saturation threshold in percent. (Default: 80)",
              "isOptional": true,
              "regexes": [
                "^(100|[1-9]?[0-9])$"
              ],
              "paramType": "NUMBER"
            },
            {
              "name": "runId",
              "label": "Run id",
              "helpText": "Id of the run. (Example: run-1)",
              "isOptional": true,
              "regexes": [
                "^[a-z0-9-]{1,20}$"
              ],
              "paramType": "TEXT"
            }
          ]
        }
        """;
    assertThat(Json.pretty(m), equalTo(expected));
    assertThat(
        "the text is JSON that reads back to the same tree",
        Json.MAPPER.readTree(expected),
        equalTo(m));
  }

  @Test
  void theParametersCarryWhatTheChecksNeed() {
    List<TemplateParam> ps = TemplateMetadata.parameters(FixtureOptions.class);
    TemplateParam store =
        ps.stream().filter(p -> p.name().equals("store")).findFirst().orElseThrow();
    assertThat(store.staticDefault(), equalTo("local:file"));
    assertThat(store.declaredIn(), equalTo(SharedOptions.class));
    assertThat(store.accepts("remote:eros"), equalTo(true));
    assertThat(store.accepts("local:file"), equalTo(false));
    assertThat(
        ps.stream().map(TemplateParam::name).toList(),
        equalTo(List.of("date", "store", "dryRun", "threshold", "runId")));
  }

  public interface Unannotated extends PipelineOptions {
    @Description("Forgotten.")
    String getForgotten();

    void setForgotten(String value);
  }

  public interface Unanchored extends PipelineOptions {
    @Description("x")
    @TemplateParameter(label = "X", regexes = "[a-z]+")
    String getX();

    void setX(String value);
  }

  public interface LookAround extends PipelineOptions {
    @Description("x")
    @TemplateParameter(label = "X", regexes = "^(?!admin)[a-z]+$")
    String getX();

    void setX(String value);
  }

  public interface NoLabel extends PipelineOptions {
    @Description("x")
    @TemplateParameter(label = " ", regexes = "^[a-z]+$")
    String getX();

    void setX(String value);
  }

  public interface NoHelp extends PipelineOptions {
    @TemplateParameter(label = "X", regexes = "^[a-z]+$")
    String getX();

    void setX(String value);
  }

  public interface RequiredButOptional extends PipelineOptions {
    @Description("x")
    @Validation.Required
    @TemplateParameter(label = "X", regexes = "^[a-z]+$")
    String getX();

    void setX(String value);
  }

  public interface Both extends PipelineOptions {
    @Description("x")
    @TemplateParameter(label = "X", regexes = "^[a-z]+$")
    @TemplateParameter.LocalOnly("local")
    String getX();

    void setX(String value);
  }

  public interface BadRegex extends PipelineOptions {
    @Description("x")
    @TemplateParameter(label = "X", regexes = "^([a-z]+$")
    String getX();

    void setX(String value);
  }

  @Test
  void refusesEachAnnotationMistakeNamingTheOption() {
    assertRefused(
        Unannotated.class, "option 'forgotten' of Unannotated has neither @TemplateParameter nor");
    assertRefused(Unanchored.class, "option 'x' of Unanchored: regex [a-z]+ is not anchored");
    assertRefused(LookAround.class, "uses a feature RE2 (Dataflow) does not have");
    assertRefused(NoLabel.class, "option 'x' of NoLabel: @TemplateParameter has no label");
    assertRefused(NoHelp.class, "option 'x' of NoHelp: no help text");
    assertRefused(
        RequiredButOptional.class,
        "is @Validation.Required but its @TemplateParameter is optional");
    assertRefused(Both.class, "has both @TemplateParameter and @TemplateParameter.LocalOnly");
    assertRefused(BadRegex.class, "does not compile");
  }

  public interface Inherits extends Unannotated {}

  @Test
  void anOptionInheritedWithoutAnAnnotationIsRefusedToo() {
    assertRefused(
        Inherits.class, "option 'forgotten' of Inherits (declared in Unannotated) has neither");
  }

  private static void assertRefused(Class<? extends PipelineOptions> options, String message) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TemplateMetadata.of("n", "d", options));
    assertThat(e.getMessage(), containsString(message));
  }
}
