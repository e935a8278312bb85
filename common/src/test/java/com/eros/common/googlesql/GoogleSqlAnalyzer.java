package com.eros.common.googlesql;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.Visitor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analyzes statements with GoogleSQL, the reference implementation of BigQuery's SQL dialect: every
 * name must resolve in the {@link TablesCatalog} and every expression must type-check. A statement
 * GoogleSQL refuses throws {@link GoogleSqlRejected} with GoogleSQL's message.
 *
 * <p>Language: every feature GoogleSQL has ({@code enableMaximumLanguageFeatures}), every statement
 * kind, external product mode (BigQuery's: FLOAT64, no proto types).
 */
public final class GoogleSqlAnalyzer {
  private final TablesCatalog catalog;
  private final Map<String, Type> parameters;

  public GoogleSqlAnalyzer(TablesCatalog catalog) {
    this(catalog, Map.of());
  }

  /** With named query parameters ({@code @name}) of the given types. */
  public GoogleSqlAnalyzer(TablesCatalog catalog, Map<String, Type> parameters) {
    this.catalog = catalog;
    this.parameters = Map.copyOf(parameters);
  }

  public static LanguageOptions languageOptions() {
    LanguageOptions lo = new LanguageOptions().enableMaximumLanguageFeatures();
    lo.setSupportsAllStatementKinds();
    lo.setProductMode(ProductMode.PRODUCT_EXTERNAL);
    return lo;
  }

  public AnalyzerOptions options() {
    AnalyzerOptions o = new AnalyzerOptions();
    o.setLanguageOptions(languageOptions());
    o.setDefaultTimezone("UTC");
    parameters.forEach(o::addQueryParameter);
    return o;
  }

  public TablesCatalog catalog() {
    return catalog;
  }

  /**
   * Analyzes one statement; throws {@link GoogleSqlRejected} with GoogleSQL's message when it is
   * refused.
   */
  public ResolvedStatement analyze(String sql) {
    try {
      return Analyzer.analyzeStatement(sql, options(), catalog.catalog());
    } catch (SqlException e) {
      throw new GoogleSqlRejected(e.getMessage(), sql, e);
    }
  }

  /**
   * Analyzes a script (statements separated by ';', as BEGIN TRANSACTION; …; COMMIT TRANSACTION;),
   * one by one.
   */
  public List<ResolvedStatement> analyzeScript(String script) {
    List<ResolvedStatement> out = new ArrayList<>();
    ParseResumeLocation at = new ParseResumeLocation(script);
    AnalyzerOptions options = options();
    // GoogleSQL's position is a byte offset into the UTF-8 text, not a char index
    byte[] utf8 = script.getBytes(StandardCharsets.UTF_8);
    try {
      while (!new String(
              utf8,
              at.getBytePosition(),
              utf8.length - at.getBytePosition(),
              StandardCharsets.UTF_8)
          .isBlank()) {
        out.add(Analyzer.analyzeNextStatement(at, options, catalog.catalog()));
      }
    } catch (SqlException e) {
      throw new GoogleSqlRejected(e.getMessage(), script, e);
    }
    return out;
  }

  /**
   * Literals whose type GoogleSQL inferred from their context instead of their spelling: a string
   * compared with a TIMESTAMP or DATE column ({@code ts > '2024-01-01'}, which BigQuery reads in
   * its own way), or an integer literal used as a FLOAT64. A typed literal is written as {@code
   * TIMESTAMP '…'}, {@code DATE '…'}, {@code 1.0}, {@code CAST(… AS FLOAT64)}, a quoted string, an
   * integer, TRUE/FALSE or NULL. Returns a description of each untyped literal.
   */
  public static List<String> untypedLiterals(ResolvedStatement statement) {
    List<String> out = new ArrayList<>();
    statement.accept(
        new Visitor() {
          @Override
          public void visit(ResolvedLiteral literal) {
            TypeKind kind = literal.getType().getKind();
            boolean typed =
                literal.getValue().isNull()
                    || literal.getHasExplicitType()
                    || kind == TypeKind.TYPE_STRING
                    || kind == TypeKind.TYPE_BOOL
                    || kind == TypeKind.TYPE_INT64
                    || kind
                        == TypeKind
                            .TYPE_ENUM // a date part (INTERVAL 1 DAY) or other keyword argument
                    || (kind == TypeKind.TYPE_DOUBLE && literal.getFloatLiteralId() > 0);
            if (!typed) {
              out.add(kind + " literal without its type written (coerced from its context)");
            }
            super.visit(literal);
          }
        });
    return out;
  }

  /** {@link #analyze} a statement or script and check that every literal in it is typed. */
  public List<ResolvedStatement> analyzeTyped(String sql) {
    List<ResolvedStatement> statements = analyzeScript(sql);
    for (ResolvedStatement s : statements) {
      List<String> untyped = untypedLiterals(s);
      if (!untyped.isEmpty()) {
        throw new AssertionError("untyped literals " + untyped + " in:\n" + sql);
      }
    }
    return statements;
  }
}
