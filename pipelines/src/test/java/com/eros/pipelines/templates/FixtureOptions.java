package com.eros.pipelines.templates;

import com.eros.common.warehouse.WarehouseOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** A small options interface for proving that {@link MetadataCheck} catches each kind of mismatch. */
public interface FixtureOptions extends WarehouseOptions {
  @Description("Los Angeles date to process.")
  @Validation.Required
  String getExecutionDate();

  void setExecutionDate(String value);

  @Description("Saturation threshold in percent.")
  @Default.Integer(80)
  int getSaturationThreshold();

  void setSaturationThreshold(int value);

  @Description("Only report, change nothing.")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean value);
}
