package com.eros.tools.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON written by Jackson for the files the tooling generates: two-space indents, {@code "key":
 * value}, a final newline.
 */
public final class Json {
  private Json() {}

  public static final ObjectMapper MAPPER = new ObjectMapper();

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The pretty text of a tree, every array element on its own line, ending with a newline. */
  public static String pretty(JsonNode node) {
    return write(node, new Printer(true));
  }

  /**
   * The pretty text of a tree with each array on one line (e.g. a command's arguments), ending with
   * a newline.
   */
  public static String prettyInlineArrays(JsonNode node) {
    return write(node, new Printer(false));
  }

  private static String write(JsonNode node, Printer printer) {
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Jackson's pretty printer with two-space indents and no space before a colon. */
  private static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    Printer(boolean arraysOnLines) {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      if (arraysOnLines) {
        indentArraysWith(indenter);
      }
    }

    Printer(Printer base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }
  }
}
