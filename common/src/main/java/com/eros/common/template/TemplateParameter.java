package com.eros.common.template;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a pipeline option appears as a Dataflow Flex Template parameter, declared once on the
 * option's getter (in the spirit of DataflowTemplates' {@code @TemplateParameter}). The metadata
 * files {@code templates/<pipeline>/metadata.json} are generated from these annotations by {@code
 * ./eros templates}; every option of a templated pipeline carries either this annotation or {@link
 * LocalOnly}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TemplateParameter {
  /** Short name shown in the Dataflow console. */
  String label();

  /** Help text on Dataflow; empty: the option's {@code @Description}. */
  String helpText() default "";

  /**
   * Regular expressions (RE2 and Java alike: anchored {@code ^…$}, no look-around or
   * back-references) that every value must match; Dataflow checks them before launching.
   */
  String[] regexes();

  /**
   * Whether a launch may leave the parameter out (the option's default then applies). False for an
   * option that has no meaningful default on Dataflow, even when it has a local one.
   */
  boolean optional() default true;

  /** How the Dataflow console offers the value. */
  ParamType paramType() default ParamType.TEXT;

  /** A typical value, shown after the help text; it must match the regexes. */
  String example() default "";

  /** An option that is not a template parameter: it only makes sense when running locally. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface LocalOnly {
    /** Why the option is left out of the templates. */
    String value();
  }

  /** The {@code ParameterMetadata.paramType} values of the Dataflow v1b3 API. */
  enum ParamType {
    DEFAULT,
    TEXT,
    NUMBER,
    BOOLEAN,
    ENUM,
    GCS_READ_BUCKET,
    GCS_WRITE_BUCKET,
    GCS_READ_FILE,
    GCS_WRITE_FILE,
    GCS_READ_FOLDER,
    GCS_WRITE_FOLDER,
    PUBSUB_TOPIC,
    PUBSUB_SUBSCRIPTION,
    BIGQUERY_TABLE,
    JAVASCRIPT_UDF_FILE,
    SERVICE_ACCOUNT,
    MACHINE_TYPE,
    KMS_KEY_NAME,
    WORKER_REGION,
    WORKER_ZONE,
    KAFKA_TOPIC,
    KAFKA_READ_TOPIC,
    KAFKA_WRITE_TOPIC
  }
}
