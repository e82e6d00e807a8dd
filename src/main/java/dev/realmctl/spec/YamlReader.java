package dev.realmctl.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads spec files with SnakeYAML's composer only: nodes are never constructed into objects by
 * tags, so {@code !!java...} and friends can do nothing but be reported. Aliases, nesting and size
 * are bounded before anything is built, and so is the document as its aliases expand it: fifty
 * aliases of lists of aliases make billions of nodes from a few hundred bytes.
 */
public final class YamlReader {
  static final int MAX_FILE_BYTES = 1024 * 1024;
  private static final int MAX_ALIASES = 50;
  private static final int MAX_NESTING = 50;
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.MAP, Tag.SEQ);

  private final Substitution substitution;

  public YamlReader(Substitution substitution) {
    this.substitution = substitution;
  }

  public List<YamlDocument> read(Path file, Problems problems) {
    Location top = Location.startOf(file);
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        problems.error(top, "file is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        return List.of();
      }
      // The size can lie (files under /proc say 0) or grow: read one byte past the limit to know.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        problems.error(top, "file is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        return List.of();
      }
    } catch (IOException e) {
      problems.error(top, "cannot read file: " + e.getMessage());
      return List.of();
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problems.error(locationOfInvalidByte(file, bytes), "file is not valid UTF-8");
      return List.of();
    }
    return compose(file, text, problems);
  }

  private List<YamlDocument> compose(Path file, String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_FILE_BYTES);
    MarkingParser parser =
        new MarkingParser(new ParserImpl(new StreamReader(new StringReader(text)), options));
    Composer composer = new Composer(parser, new Resolver(), options);
    Expansion expansion = Expansion.of(text);
    List<YamlDocument> documents = new ArrayList<>();
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        Map<String, Location> locations = new HashMap<>();
        String base = "";
        Converter converter = new Converter(file, locations, problems, expansion);
        Object root = converter.convert(node, base);
        documents.add(new YamlDocument(root, new SourceMap(file, locations), base));
      }
      if (documents.isEmpty()) {
        problems.warning(Location.startOf(file), "file holds no document");
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.error(at(file, mark), describe(e));
    } catch (ReaderException e) {
      problems.error(
          atCodePoint(file, text, e.getPosition()),
          String.format("%s (U+%04X)", e.getMessage(), e.getCodePoint()));
    } catch (YAMLException e) {
      // SnakeYAML's own limits (aliases, nesting) carry no mark: they stop at the event just read.
      problems.error(
          at(file, parser.lastMark()), e.getMessage().lines().findFirst().orElse("invalid YAML"));
    } catch (Expansion.Exceeded e) {
      problems.error(e.at(), e.getMessage());
    }
    return documents;
  }

  private static String describe(MarkedYAMLException e) {
    return YamlMessages.describe(e);
  }

  static Location at(Path file, Mark mark) {
    return mark == null
        ? Location.startOf(file)
        : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static Location atCodePoint(Path file, String text, int position) {
    int line = 1;
    int column = 1;
    int index = 0;
    for (int i = 0;
        i < text.length() && index < position;
        i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      index++;
    }
    return new Location(file, line, column);
  }

  private static Location locationOfInvalidByte(Path file, byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (bytes[i] < 0) {
        int length = (bytes[i] & 0xE0) == 0xC0 ? 2 : (bytes[i] & 0xF0) == 0xE0 ? 3 : 4;
        try {
          decoder.decode(ByteBuffer.wrap(bytes, i, Math.min(length, bytes.length - i)));
          i += length - 1;
        } catch (CharacterCodingException e) {
          return new Location(file, line, i - lineStart + 1);
        }
      }
    }
    return Location.startOf(file);
  }

  private final class Converter {
    private final Path file;
    private final Map<String, Location> locations;
    private final Problems problems;
    private final Expansion expansion;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> converted = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether the node being converted is an alias's repeat of one converted before. */
    private boolean repeating;

    /** The innermost place written in the file, outside any repeat: where aliases expand. */
    private Mark site;

    Converter(Path file, Map<String, Location> locations, Problems problems, Expansion expansion) {
      this.file = file;
      this.locations = locations;
      this.problems = problems;
      this.expansion = expansion;
    }

    Object convert(Node node, String path) {
      boolean outerRepeating = repeating;
      Mark outerSite = site;
      if (!converted.add(node)) {
        repeating = true;
      } else if (!repeating) {
        site = node.getStartMark();
      }
      try {
        spend(node);
        return convertNode(node, path);
      } finally {
        repeating = outerRepeating;
        site = outerSite;
      }
    }

    private void spend(Node node) {
      long weight = 1 + (node instanceof ScalarNode scalar ? scalar.getValue().length() : 0);
      expansion.spend(weight, () -> at(file, site));
    }

    private Object convertNode(Node node, String path) {
      locations.putIfAbsent(path, at(file, node.getStartMark()));
      if (!PLAIN_TAGS.contains(node.getTag())) {
        problems.error(
            at(file, node.getStartMark()),
            "tag " + node.getTag().getValue() + " is not allowed: specs hold plain YAML only");
        return null;
      }
      if (!inProgress.add(node)) {
        problems.error(at(file, node.getStartMark()), "recursive alias is not allowed");
        return null;
      }
      try {
        return switch (node.getNodeId()) {
          case scalar -> scalar((ScalarNode) node, path);
          case sequence -> sequence((SequenceNode) node, path);
          case mapping -> mapping((MappingNode) node, path);
          default -> null;
        };
      } finally {
        inProgress.remove(node);
      }
    }

    private List<Object> sequence(SequenceNode node, String path) {
      List<Object> items = new ArrayList<>();
      for (Node item : node.getValue()) {
        items.add(convert(item, path + "/" + items.size()));
      }
      return items;
    }

    private Map<String, Object> mapping(MappingNode node, String path) {
      Map<String, Object> map = new LinkedHashMap<>();
      merge(node, path, map);
      Set<String> written = new java.util.HashSet<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          problems.error(at(file, keyNode.getStartMark()), "mapping keys must be plain scalars");
          continue;
        }
        if (keyNode.getTag().equals(Tag.MERGE)) {
          continue;
        }
        String key = scalarKey.getValue();
        String childPath = path + "/" + escape(key);
        if (!written.add(key)) {
          String message =
              "duplicate key '"
                  + key
                  + "' (first defined at line "
                  + locations.get(childPath).line()
                  + ")";
          if (!file.getFileName().toString().endsWith(".json")) {
            problems.error(at(file, keyNode.getStartMark()), message);
            continue;
          }
          // Keycloak's import reads JSON with Jackson, which takes the last value.
          problems.warning(at(file, keyNode.getStartMark()), message + ": the last one is taken");
          map.remove(key);
        }
        locations.put(childPath, at(file, keyNode.getStartMark()));
        locations.put(childPath + SourceMap.VALUE, at(file, tuple.getValueNode().getStartMark()));
        if (!repeating) {
          site = keyNode.getStartMark();
        }
        map.put(key, convert(tuple.getValueNode(), childPath));
      }
      return map;
    }

    /**
     * YAML 1.1 merge keys ({@code <<: *base} or {@code <<: [*a, *b]}): the merged mappings' entries
     * come first, an earlier mapping's winning over a later one's, and the mapping's own keys win
     * over all; merged entries keep the locations where they are written.
     */
    private void merge(MappingNode node, String path, Map<String, Object> map) {
      for (NodeTuple tuple : node.getValue()) {
        if (!tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
          continue;
        }
        Node value = tuple.getValueNode();
        List<Node> sources =
            value instanceof SequenceNode list ? new ArrayList<>(list.getValue()) : List.of(value);
        for (int i = sources.size() - 1; i >= 0; i--) {
          Node source = sources.get(i);
          if (!(source instanceof MappingNode)) {
            problems.error(
                at(file, source.getStartMark()),
                "a merge key (<<) takes a mapping or a list of mappings");
            continue;
          }
          if (convert(source, path) instanceof Map<?, ?> merged) {
            merged.forEach((k, v) -> map.put(String.valueOf(k), v));
          }
        }
      }
    }

    private Object scalar(ScalarNode node, String path) {
      String value = node.getValue();
      Tag tag = node.getTag();
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return switch (value.toLowerCase()) {
          case "true", "yes", "on", "y" -> Boolean.TRUE;
          default -> Boolean.FALSE;
        };
      }
      if (tag.equals(Tag.INT)) {
        try {
          long number = Long.parseLong(value.replace("_", ""));
          return number == (int) number ? (Object) (int) number : (Object) number;
        } catch (NumberFormatException e) {
          return value;
        }
      }
      if (tag.equals(Tag.FLOAT)) {
        try {
          return Double.parseDouble(value.replace("_", ""));
        } catch (NumberFormatException e) {
          return value;
        }
      }
      if (value.equals(CONSOLE_MASK)) {
        problems.error(
            at(file, node.getStartMark()),
            "this secret was masked by the admin console's export; give it with ${env:NAME} or"
                + " ${file:PATH}");
        return value;
      }
      Substitution.Result result = substitution.apply(value, folderOf(file));
      result.error().ifPresent(message -> problems.error(at(file, node.getStartMark()), message));
      if (result.substituted()) {
        expansion.spendSubstituted(
            result.value().length(), () -> at(file, repeating ? site : node.getStartMark()));
        locations.put(path + SourceMap.SUBSTITUTED, at(file, node.getStartMark()));
      }
      return result.value();
    }
  }

  /** What the admin console's partial export writes in place of every secret. */
  static final String CONSOLE_MASK = "**********";

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** Path segments follow JSON pointer escaping so keys with '/' stay addressable. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
