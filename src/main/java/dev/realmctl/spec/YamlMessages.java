package dev.realmctl.spec;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's syntax errors in plain words. Its own messages name parser states ({@code expected
 * <block end>, but found '?'}); these say what is wrong with the line and how to fix it. A problem
 * not recognised here keeps SnakeYAML's words.
 */
final class YamlMessages {
  private YamlMessages() {}

  static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String started = line(e.getContextMark());
    if (problem.startsWith("expected <block end>")) {
      return "this line is not indented like the lines it belongs with"
          + (started.isEmpty() ? "" : " (the block that starts at " + started + ")")
          + ": the keys of one mapping start in the same column, and the items of one list each"
          + " start with '- ' in the same column";
    }
    if (problem.startsWith("expected '<document start>'")) {
      return "this line is not indented like the first line: the top-level keys of a file start"
          + " in the same column";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "a 'key: value' cannot start here: either this line is indented deeper than the key"
          + " above it, or a value holds ': ' (then quote the value)";
    }
    if (problem.equals("could not find expected ':'")) {
      return "a line"
          + (started.isEmpty() ? "" : " (at " + started + ")")
          + " has no ':' after its key: every line of a mapping is 'key: value'";
    }
    if (problem.contains("'\\t(TAB)'")) {
      return "a tab character: YAML indents with spaces only";
    }
    if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
      return "a value cannot start with this character: quote the value";
    }
    if (context.startsWith("while scanning a quoted scalar")) {
      return "a quoted value"
          + (started.isEmpty() ? "" : " that starts at " + started)
          + " is never closed: end it with the same quote it starts with";
    }
    if (context.startsWith("while parsing a flow sequence")) {
      return "a list in [ ]"
          + (started.isEmpty() ? "" : " that starts at " + started)
          + " is not closed, or its items are not separated by ','";
    }
    if (context.startsWith("while parsing a flow mapping")) {
      return "a mapping in { }"
          + (started.isEmpty() ? "" : " that starts at " + started)
          + " is not closed, or its entries are not separated by ','";
    }
    if (problem.startsWith("found undefined alias")) {
      return "'*"
          + problem.substring("found undefined alias".length()).strip()
          + "' refers to an anchor '&' not defined above it: quote the value if '*' is meant"
          + " literally";
    }
    return context.isEmpty() ? problem : context + ": " + problem;
  }

  private static String line(Mark mark) {
    return mark == null
        ? ""
        : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
