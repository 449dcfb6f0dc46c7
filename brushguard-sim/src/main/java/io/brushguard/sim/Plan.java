package io.brushguard.sim;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.EventType;
import io.brushguard.findings.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulation planted and wrote: events per type, labelled entities per tactic and trap, and
 * every planted instance with its shops and parameters. Written as {@code plan.json} (for tests and
 * evaluation) and summarised in {@code README.md}.
 *
 * <p>The label counts are counted as labels are written, so they equal the labels file exactly.
 */
public final class Plan {
  private final SimulationSpec spec;
  private final long[] eventsByType = new long[EventType.values().length];
  private final long[][] labels = new long[128][EntityKind.values().length];
  private final List<Instance> instances = new ArrayList<>();
  private double seconds;

  Plan(SimulationSpec spec) {
    this.spec = spec;
  }

  /** One planted instance of a tactic or a trap. */
  public static final class Instance {
    private final Tactic tactic;
    private final Trap trap;
    private final List<String> shops = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Instance(Tactic tactic, Trap trap) {
      this.tactic = tactic;
      this.trap = trap;
    }

    /** The tactic, or null for a trap. */
    public Tactic tactic() {
      return tactic;
    }

    /** The trap, or null for a tactic. */
    public Trap trap() {
      return trap;
    }

    /** The shops involved (buyer of the fraud, victim, trap shop...), by id. */
    public List<String> shops() {
      return Collections.unmodifiableList(shops);
    }

    /** The randomised parameters this instance was planted with. */
    public Map<String, Object> params() {
      return Collections.unmodifiableMap(params);
    }

    Instance shop(String shop) {
      shops.add(shop);
      return this;
    }

    Instance param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    String name() {
      return tactic != null ? tactic.wire() : trap.wire();
    }
  }

  Instance instance(Tactic tactic) {
    Instance i = new Instance(tactic, null);
    instances.add(i);
    return i;
  }

  Instance instance(Trap trap) {
    Instance i = new Instance(null, trap);
    instances.add(i);
    return i;
  }

  void countEvent(EventType type) {
    eventsByType[type.ordinal()]++;
  }

  void countLabel(byte tag, EntityKind entity) {
    labels[tag][entity.ordinal()]++;
  }

  void seconds(double seconds) {
    this.seconds = seconds;
  }

  public SimulationSpec spec() {
    return spec;
  }

  /** Events written in all. */
  public long events() {
    long n = 0;
    for (long c : eventsByType) {
      n += c;
    }
    return n;
  }

  /** Lines written to the labels file. */
  public long labels() {
    long n = 0;
    for (long[] byKind : labels) {
      for (long c : byKind) {
        n += c;
      }
    }
    return n;
  }

  public long events(EventType type) {
    return eventsByType[type.ordinal()];
  }

  /** Entities of this kind labelled as fraud by this tactic. */
  public long labelled(Tactic tactic, EntityKind entity) {
    return labels[Tag.of(tactic)][entity.ordinal()];
  }

  /** Genuine entities of this kind labelled as this trap. */
  public long labelled(Trap trap, EntityKind entity) {
    return labels[Tag.of(trap)][entity.ordinal()];
  }

  /** Entities of this kind labelled as victims of reverse brushing. */
  public long victims(EntityKind entity) {
    return labels[Tag.VICTIM][entity.ordinal()];
  }

  public List<Instance> instances() {
    return Collections.unmodifiableList(instances);
  }

  public long instances(Tactic tactic) {
    return instances.stream().filter(i -> i.tactic == tactic).count();
  }

  public long instances(Trap trap) {
    return instances.stream().filter(i -> i.trap == trap).count();
  }

  /**
   * Wall-clock seconds the generation took (not part of {@link #toJson}, which is deterministic).
   */
  public double seconds() {
    return seconds;
  }

  /** The plan as {@code plan.json}: deterministic for a given spec. */
  public String toJson() {
    StringBuilder b = new StringBuilder(4096);
    b.append("{\n  \"seed\": ").append(spec.seed());
    b.append(",\n  \"requested_events\": ").append(spec.events());
    b.append(",\n  \"events\": ").append(events());
    b.append(",\n  \"days\": ").append(spec.days());
    b.append(",\n  \"start\": ");
    Json.string(b, startText());
    b.append(",\n  \"event_counts\": {");
    String sep = "";
    for (EventType t : EventType.values()) {
      b.append(sep).append('"').append(t.wire()).append("\": ").append(events(t));
      sep = ", ";
    }
    b.append("},\n  \"tactics\": {");
    sep = "\n    ";
    for (Tactic t : Tactic.values()) {
      b.append(sep).append('"').append(t.wire()).append("\": ");
      counts(b, instances(t), Tag.of(t));
      sep = ",\n    ";
    }
    b.append("\n  },\n  \"traps\": {");
    sep = "\n    ";
    for (Trap t : Trap.values()) {
      b.append(sep).append('"').append(t.wire()).append("\": ");
      counts(b, instances(t), Tag.of(t));
      sep = ",\n    ";
    }
    b.append("\n  },\n  \"victims\": {\"reverse_brushing\": ");
    labelCounts(b, Tag.VICTIM);
    b.append("},\n  \"instances\": [");
    sep = "\n    ";
    for (Instance i : instances) {
      b.append(sep).append('{').append(i.tactic != null ? "\"tactic\": " : "\"trap\": ");
      Json.string(b, i.name());
      b.append(", \"shops\": [");
      for (int k = 0; k < i.shops.size(); k++) {
        Json.string(b.append(k == 0 ? "" : ", "), i.shops.get(k));
      }
      b.append("], \"params\": {");
      String psep = "";
      for (Map.Entry<String, Object> p : i.params.entrySet()) {
        Json.string(b.append(psep), p.getKey()).append(": ");
        if (p.getValue() instanceof Number n) {
          b.append(n);
        } else {
          Json.string(b, String.valueOf(p.getValue()));
        }
        psep = ", ";
      }
      b.append("}}");
      sep = ",\n    ";
    }
    return b.append("\n  ]\n}\n").toString();
  }

  private String startText() {
    return Instant.ofEpochMilli(spec.start()).atOffset(ZoneOffset.ofHours(8)).toString();
  }

  private void counts(StringBuilder b, long instanceCount, byte tag) {
    b.append("{\"instances\": ").append(instanceCount).append(", \"labels\": ");
    labelCounts(b, tag);
    b.append('}');
  }

  private void labelCounts(StringBuilder b, byte tag) {
    b.append('{');
    String sep = "";
    for (EntityKind k : EntityKind.values()) {
      long n = labels[tag][k.ordinal()];
      if (n > 0) {
        b.append(sep).append('"').append(k.wire()).append("\": ").append(n);
        sep = ", ";
      }
    }
    b.append('}');
  }

  /** A short human description of the run, for {@code README.md}. */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder(4096);
    b.append("# Simulated marketplace\n\n");
    b.append("Generated by `./brushguard simulate --seed ")
        .append(spec.seed())
        .append(" --scale ")
        .append(spec.events())
        .append(spec.days() == 14 ? "" : " --days " + spec.days())
        .append(spec.start() == SimulationSpec.DEFAULT_START ? "" : " --start " + startText())
        .append("`: ")
        .append(events())
        .append(" events over ")
        .append(spec.days())
        .append(" days from ")
        .append(startText())
        .append(". The same seed and scale give byte-identical files.\n\n");
    b.append("- `events.jsonl`: the event stream (contract of spec/events.md), in time order;\n")
        .append(
            "  a few logistics scans arrive up to two minutes late, as carriers upload in batches.\n")
        .append(
            "- `labels.jsonl`: ground truth, one line per labelled entity; unlabelled entities are genuine.\n")
        .append(
            "- `plan.json`: the counts below and every planted instance with its parameters.\n\n");
    b.append("## Fraud planted\n\n| tactic | instances | labelled entities |\n|---|---:|---|\n");
    for (Tactic t : Tactic.values()) {
      b.append("| ").append(t.wire()).append(" | ").append(instances(t)).append(" | ");
      entities(b, Tag.of(t));
      b.append(" |\n");
    }
    b.append("\nVictims of reverse brushing (genuine): ");
    entities(b, Tag.VICTIM);
    b.append(".\n\n## Legitimate look-alikes (labelled `\"fraud\":false`)\n\n")
        .append("| trap | instances | labelled entities |\n|---|---:|---|\n");
    for (Trap t : Trap.values()) {
      b.append("| ").append(t.wire()).append(" | ").append(instances(t)).append(" | ");
      entities(b, Tag.of(t));
      b.append(" |\n");
    }
    b.append("\n## Events\n\n| type | count |\n|---|---:|\n");
    for (EventType t : EventType.values()) {
      b.append("| ").append(t.wire()).append(" | ").append(events(t)).append(" |\n");
    }
    return b.toString();
  }

  private void entities(StringBuilder b, byte tag) {
    String sep = "";
    for (EntityKind k : EntityKind.values()) {
      long n = labels[tag][k.ordinal()];
      if (n > 0) {
        b.append(sep).append(n).append(' ').append(k.wire()).append(n == 1 ? "" : "s");
        sep = ", ";
      }
    }
    if (sep.isEmpty()) {
      b.append("none");
    }
  }
}
