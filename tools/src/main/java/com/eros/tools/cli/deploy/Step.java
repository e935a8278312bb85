package com.eros.tools.cli.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One step of a {@link DeployPlan}, for {@code templates/deploy.sh} to carry out in order. Each
 * step writes itself as a JSON object (for people and tools) and as NUL-separated fields (for the
 * script: the kind, then its fields, each command as a count followed by its arguments).
 */
public sealed interface Step {
  /** The step's kind, its first field. */
  String kind();

  /** Its fields in a JSON object that also holds {@code "step": kind}. */
  void json(ObjectNode n);

  /** Its fields after the kind, in order. */
  void fields(List<String> out);

  /** When a note is printed. */
  enum When {
    ALWAYS("always"),
    DRY_RUN("dry-run"),
    REAL_RUN("real-run");

    final String word;

    When(String word) {
      this.word = word;
    }
  }

  /** A line to print. */
  record Note(When when, String text) implements Step {
    public String kind() {
      return "note";
    }

    public void json(ObjectNode n) {
      n.put("when", when.word).put("text", text);
    }

    public void fields(List<String> out) {
      out.add(when.word);
      out.add(text);
    }
  }

  /** A program that must be on PATH, and how to get it. */
  record Require(String program, String hint) implements Step {
    public String kind() {
      return "require";
    }

    public void json(ObjectNode n) {
      n.put("program", program).put("hint", hint);
    }

    public void fields(List<String> out) {
      out.add(program);
      out.add(hint);
    }
  }

  /**
   * A read-only command that must succeed before anything changes; when {@code emptyMessage} is not
   * empty, it must also print something (else that message stops the deployment).
   */
  record Check(String what, String emptyMessage, List<String> argv) implements Step {
    public String kind() {
      return "check";
    }

    public void json(ObjectNode n) {
      n.put("what", what).put("emptyMessage", emptyMessage);
      putArgv(n, "argv", argv);
    }

    public void fields(List<String> out) {
      out.add(what);
      out.add(emptyMessage);
      putArgv(out, argv);
    }
  }

  /** The operator's go-ahead (skipped with --force). */
  record Confirm(String question) implements Step {
    public String kind() {
      return "confirm";
    }

    public void json(ObjectNode n) {
      n.put("question", question);
    }

    public void fields(List<String> out) {
      out.add(question);
    }
  }

  /** The local build (skipped with --skip-build) and the file it must leave. */
  record Build(String produces, List<String> argv) implements Step {
    public String kind() {
      return "build";
    }

    public void json(ObjectNode n) {
      n.put("produces", produces);
      putArgv(n, "argv", argv);
    }

    public void fields(List<String> out) {
      out.add(produces);
      putArgv(out, argv);
    }
  }

  /** A command that changes something. */
  record Run(List<String> argv) implements Step {
    public String kind() {
      return "run";
    }

    public void json(ObjectNode n) {
      putArgv(n, "argv", argv);
    }

    public void fields(List<String> out) {
      putArgv(out, argv);
    }
  }

  /** A resource created only when {@code probe} says it does not exist. */
  record Ensure(String what, List<String> probe, List<String> create) implements Step {
    public String kind() {
      return "ensure";
    }

    public void json(ObjectNode n) {
      n.put("what", what);
      putArgv(n, "probe", probe);
      putArgv(n, "create", create);
    }

    public void fields(List<String> out) {
      out.add(what);
      putArgv(out, probe);
      putArgv(out, create);
    }
  }

  /** A local file copied (or hard-linked) into the build context. */
  record Copy(String from, String to) implements Step {
    public String kind() {
      return "copy";
    }

    public void json(ObjectNode n) {
      n.put("from", from).put("to", to);
    }

    public void fields(List<String> out) {
      out.add(from);
      out.add(to);
    }
  }

  /** A generated file printed for the operator, under a title. */
  record Show(String title, String path) implements Step {
    public String kind() {
      return "show";
    }

    public void json(ObjectNode n) {
      n.put("title", title).put("path", path);
    }

    public void fields(List<String> out) {
      out.add(title);
      out.add(path);
    }
  }

  /** A resource updated completely when {@code probe} finds it, created otherwise. */
  record Upsert(String what, List<String> probe, List<String> update, List<String> create)
      implements Step {
    public String kind() {
      return "upsert";
    }

    public void json(ObjectNode n) {
      n.put("what", what);
      putArgv(n, "probe", probe);
      putArgv(n, "update", update);
      putArgv(n, "create", create);
    }

    public void fields(List<String> out) {
      out.add(what);
      putArgv(out, probe);
      putArgv(out, update);
      putArgv(out, create);
    }
  }

  private static void putArgv(ObjectNode n, String field, List<String> argv) {
    ArrayNode a = n.putArray(field);
    argv.forEach(a::add);
  }

  private static void putArgv(List<String> out, List<String> argv) {
    out.add(Integer.toString(argv.size()));
    out.addAll(argv);
  }
}
