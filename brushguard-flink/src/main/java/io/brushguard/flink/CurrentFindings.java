package io.brushguard.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Like;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Folds the job's findings directory (an update stream of finding lines) into the current finding
 * per entity: the last line written for it. {@link #flagged} then gives what {@code brushguard
 * scan} writes for the same input, in the same order (entity kind, then id), without the summary
 * line:
 *
 * <pre>
 * java -cp brushguard-flink-job.jar io.brushguard.flink.CurrentFindings out/ &gt; findings.jsonl
 * </pre>
 *
 * <p>Each writer (a subtask, from one start of the job) writes part files {@code
 * <start>/findings-<writer>-<n>.jsonl} with increasing {@code n}; within one start all lines of an
 * entity come from one writer, and a restarted job's writers start in later directories ({@link
 * WriterStartBuckets}). Reading the directories in order, each writer's files in {@code n} order,
 * gives every entity's lines in the order they were written. Files still in progress (hidden,
 * starting with a dot) are not read.
 */
public final class CurrentFindings {
  private static final String PREFIX = "findings-";
  private static final String SUFFIX = ".jsonl";

  /** An entity: kind, then id, in the embedded scan's order. */
  record Entity(EntityKind kind, String id) implements Comparable<Entity> {
    @Override
    public int compareTo(Entity o) {
      int c = kind.compareTo(o.kind);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private CurrentFindings() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CurrentFindings FINDINGS_DIR");
      System.exit(2);
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (String line : flagged(Path.of(args[0]))) {
      out.println(line);
    }
    out.flush();
  }

  /** Current findings whose action is not {@code allow}, by entity kind then id. */
  public static List<String> flagged(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : current(dir).values()) {
      if (!"allow".equals(new Cursor(line).action())) {
        out.add(line);
      }
    }
    return out;
  }

  /** The last line written per entity, allowed ones included. */
  static Map<Entity, String> current(Path dir) throws IOException {
    Map<Entity, String> current = new TreeMap<>();
    for (String line : lines(dir)) {
      if (!line.startsWith(SHOP_LINE) && !line.startsWith(RING_LINE)) {
        current.put(new Cursor(line).entity(), line);
      }
    }
    return current;
  }

  /** The last shop line written per shop, by shop: what {@code brushguard scan} writes. */
  public static List<String> shops(Path dir) throws IOException {
    Map<String, String> current = new TreeMap<>();
    for (String line : lines(dir)) {
      if (line.startsWith(SHOP_LINE)) {
        current.put(new Cursor(line).shop, line);
      }
    }
    return List.copyOf(current.values());
  }

  private static final String SHOP_LINE = "{\"type\":\"shop\",\"shop\":";
  private static final String RING_LINE = "{\"type\":\"ring\",\"ring\":";

  /** The last ring line written per ring, by ring id: what {@code brushguard scan} writes. */
  public static List<String> rings(Path dir) throws IOException {
    Map<String, String> current = new TreeMap<>();
    for (String line : lines(dir)) {
      if (line.startsWith(RING_LINE)) {
        try (JsonParser p = new JsonFactory().createParser(line.substring(RING_LINE.length()))) {
          p.nextToken();
          current.put(p.getText(), line);
        }
      }
    }
    return List.copyOf(current.values());
  }

  /** Every line the job wrote, each writer's in the order written. */
  private static List<String> lines(Path dir) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.walk(dir)) {
      parts =
          files
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && Files.isRegularFile(p);
                  })
              .sorted(
                  Comparator.comparing((Path p) -> dir.relativize(p).getParent(), BY_NAME)
                      .thenComparing(CurrentFindings::writer)
                      .thenComparingLong(CurrentFindings::part))
              .toList();
    }
    List<String> lines = new ArrayList<>();
    for (Path part : parts) {
      for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** Bucket directories by name (writer start times sort as text); the base directory first. */
  private static final Comparator<Path> BY_NAME =
      Comparator.nullsFirst(Comparator.comparing(Path::toString));

  private static String writer(Path p) {
    String n = p.getFileName().toString();
    return n.substring(0, n.lastIndexOf('-'));
  }

  private static long part(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring(n.lastIndexOf('-') + 1, n.length() - SUFFIX.length()));
  }

  /** Reads the entity, id and action of a finding line, or the shop of a shop line. */
  private static final class Cursor {
    private static final JsonFactory JSON = new JsonFactory();

    private final String line;
    private String entity;
    private String id;
    private String action;
    private String shop;
    private String account;
    private String review;

    Cursor(String line) {
      this.line = line;
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw notAFinding();
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.VALUE_STRING) {
            switch (name) {
              case "entity" -> entity = p.getText();
              case "id" -> id = p.getText();
              case "action" -> action = p.getText();
              case "shop" -> shop = p.getText();
              case "account" -> account = p.getText();
              case "review" -> review = p.getText();
              default -> {}
            }
          } else {
            p.skipChildren();
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("not a finding line: " + line, e);
      }
      if ((entity == null || id == null) && shop == null) {
        throw notAFinding();
      }
    }

    /**
     * The entity as the core names it. A like's wire id {@code <account>:<review>} is ambiguous
     * when an id holds {@code :}, and sorts apart from the core's id, so it is keyed by the two ids
     * the line also carries, joined as {@link Like#key} joins them.
     */
    Entity entity() {
      EntityKind kind = EntityKind.valueOf(entity.toUpperCase(Locale.ROOT));
      if (kind == EntityKind.LIKE && account != null && review != null) {
        return new Entity(kind, account + Like.SEPARATOR + review);
      }
      return new Entity(kind, id);
    }

    String action() {
      if (action == null) {
        throw notAFinding();
      }
      return action;
    }

    private IllegalArgumentException notAFinding() {
      return new IllegalArgumentException("not a finding line: " + line);
    }
  }
}
