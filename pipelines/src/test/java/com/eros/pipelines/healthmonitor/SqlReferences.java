package com.eros.pipelines.healthmonitor;

import com.eros.common.table.TableDef;
import com.eros.common.table.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a BigQuery query names only tables and columns that exist in {@link Tables}.
 *
 * <p>A small tokeniser: comments and string literals are dropped; {@code `${dataset}.name`} is a
 * table reference (optionally followed by {@code AS alias}); {@code name AS (} defines a CTE;
 * {@code ) AS x} a subquery alias; any other {@code AS x} a column alias. Every other identifier
 * must be a keyword, a function (followed by "("), an alias or CTE defined in the query, or a column
 * of a table the query references; {@code alias.column} must be a column of that alias's table.
 */
final class SqlReferences {
  private static final Pattern TABLE = Pattern.compile("\\$\\{dataset}\\.([A-Za-z_][A-Za-z0-9_]*)");
  static final Set<String> KEYWORDS = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "AS", "AND", "OR", "NOT", "IN", "IS", "NULL",
      "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "WITH", "LEFT", "RIGHT", "INNER", "OUTER", "FULL",
      "CROSS", "JOIN", "ON", "USING", "UNION", "ALL", "DISTINCT", "LIMIT", "DESC", "ASC", "OVER", "PARTITION",
      "INTERVAL", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "YEAR", "DATE", "TIMESTAMP", "INT64",
      "FLOAT64", "STRING", "BOOL", "NUMERIC", "BETWEEN", "LIKE", "EXISTS", "IGNORE", "NULLS", "ROLLUP", "QUALIFY",
      "ROWS", "RANGE", "UNBOUNDED", "PRECEDING", "FOLLOWING", "CURRENT", "ROW", "FIRST", "LAST", "AT", "TIME", "ZONE");

  private enum Kind { IDENT, TABLE, SYMBOL, OTHER }

  private record Token(Kind kind, String text, int line) {}

  private SqlReferences() {}

  /** The problems found (empty when every name resolves), each with its line. */
  static List<String> check(String sql) {
    List<Token> tokens = tokenize(sql);
    List<String> problems = new ArrayList<>();
    Map<String, TableDef> tableAliases = new HashMap<>();
    Set<String> derived = new HashSet<>(); // CTE names and subquery/CTE aliases
    Set<String> aliases = new HashSet<>();
    Set<TableDef> referenced = new HashSet<>();
    Set<Integer> definitions = new HashSet<>();

    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.TABLE) {
        TableDef def = null;
        try {
          def = Tables.byName(t.text());
          referenced.add(def);
          tableAliases.put(t.text(), def);
        } catch (IllegalArgumentException e) {
          problems.add("line " + t.line() + ": unknown table " + t.text());
        }
        if (is(tokens, i + 1, "AS") && ident(tokens, i + 2)) {
          definitions.add(i + 2);
          if (def != null) {
            tableAliases.put(tokens.get(i + 2).text(), def);
          }
        }
      } else if (t.kind() == Kind.IDENT && is(tokens, i + 1, "AS") && is(tokens, i + 2, "(")) {
        derived.add(t.text()); // CTE
        definitions.add(i);
      } else if (is(tokens, i, "AS") && ident(tokens, i + 1) && !(i > 0 && tokens.get(i - 1).kind() == Kind.TABLE)) {
        definitions.add(i + 1);
        if (i > 0 && tokens.get(i - 1).text().equals(")") && closesSubquery(tokens, i - 1)) {
          derived.add(tokens.get(i + 1).text());
        } else if (i > 0 && tokens.get(i - 1).kind() == Kind.IDENT && derived.contains(tokens.get(i - 1).text())) {
          derived.add(tokens.get(i + 1).text()); // FROM cte AS x
        } else {
          aliases.add(tokens.get(i + 1).text());
        }
      }
    }
    Set<String> columns = new HashSet<>();
    for (TableDef d : referenced) {
      columns.addAll(d.columnNames());
    }

    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.IDENT || definitions.contains(i)) {
        continue;
      }
      if (is(tokens, i + 1, "(")) {
        continue; // a function call
      }
      if (is(tokens, i + 1, ".") && ident(tokens, i + 2)) {
        String q = t.text();
        String col = tokens.get(i + 2).text();
        if (tableAliases.containsKey(q)) {
          TableDef d = tableAliases.get(q);
          if (d.column(col).isEmpty()) {
            problems.add("line " + t.line() + ": " + q + "." + col + ": table " + d.name() + " has no column " + col);
          }
        } else if (derived.contains(q)) {
          if (!aliases.contains(col) && !columns.contains(col)) {
            problems.add("line " + t.line() + ": " + q + "." + col + ": no such column or alias");
          }
        } else {
          problems.add("line " + t.line() + ": unknown table alias " + q + " in " + q + "." + col);
        }
        i += 2;
        continue;
      }
      String name = t.text();
      if (KEYWORDS.contains(name.toUpperCase(Locale.ROOT)) || aliases.contains(name) || derived.contains(name)
          || columns.contains(name)) {
        continue;
      }
      problems.add("line " + t.line() + ": unknown identifier " + name
          + " (not a column of " + names(referenced) + ", nor an alias, CTE or keyword)");
    }
    return problems;
  }

  /** Tables named in the query. */
  static Set<String> tables(String sql) {
    Set<String> out = new HashSet<>();
    for (Token t : tokenize(sql)) {
      if (t.kind() == Kind.TABLE) {
        out.add(t.text());
      }
    }
    return out;
  }

  /** Whether the ")" at {@code close} ends a subquery "(SELECT ...)" rather than a call such as COUNT(*). */
  private static boolean closesSubquery(List<Token> tokens, int close) {
    int depth = 0;
    for (int j = close; j >= 0; j--) {
      String s = tokens.get(j).text();
      if (s.equals(")")) {
        depth++;
      } else if (s.equals("(")) {
        depth--;
        if (depth == 0) {
          return is(tokens, j + 1, "SELECT") || is(tokens, j + 1, "WITH");
        }
      }
    }
    return false;
  }

  private static String names(Set<TableDef> tables) {
    List<String> n = new ArrayList<>();
    for (TableDef d : tables) {
      n.add(d.name());
    }
    n.sort(null);
    return n.toString();
  }

  private static boolean is(List<Token> tokens, int i, String text) {
    return i < tokens.size() && tokens.get(i).text().equalsIgnoreCase(text) && tokens.get(i).kind() != Kind.TABLE;
  }

  private static boolean ident(List<Token> tokens, int i) {
    return i < tokens.size() && tokens.get(i).kind() == Kind.IDENT;
  }

  private static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(sql.substring(i, end), '\n');
        i = end;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n && sql.charAt(j) != c) {
          j += sql.charAt(j) == '\\' ? 2 : 1;
        }
        line += count(sql.substring(i, Math.min(j, n)), '\n');
        i = j + 1;
      } else if (c == '`') {
        int j = sql.indexOf('`', i + 1);
        String quoted = sql.substring(i + 1, j);
        Matcher m = TABLE.matcher(quoted);
        if (m.matches()) {
          out.add(new Token(Kind.TABLE, m.group(1), line));
        } else {
          out.add(new Token(Kind.OTHER, "`" + quoted + "`", line));
        }
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(Kind.IDENT, sql.substring(i, j), line));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.OTHER, sql.substring(i, j), line));
        i = j;
      } else {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), line));
        i++;
      }
    }
    return out;
  }

  private static int count(String s, char c) {
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        k++;
      }
    }
    return k;
  }
}
