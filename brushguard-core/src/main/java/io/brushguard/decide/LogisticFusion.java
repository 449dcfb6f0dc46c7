package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A fusion fitted to a platform's labels ({@code brushguard train}): per entity kind, a logistic
 * regression over two features per reason code,
 *
 * <pre>
 *   score = σ(bias + Σ_code w_code · e(s_code) + v_code · ln(origins_code))
 * </pre>
 *
 * with {@code e(s) = -ln(1 - s)} the evidence of the code's strongest signal (at most {@code
 * e(0.999)}) and {@code origins} how many detector keys say it. A code the model has no weight for
 * (a detector added after training) counts with the kind's {@code unseen} weight on its evidence; a
 * kind the model does not cover is scored by the {@linkplain Fusion#standard() default}. The
 * logistic output is a probability on the training labels, so no further calibration applies.
 *
 * <p><b>File.</b> Properties, one weight a line: {@code format=brushguard-fusion/1}, then {@code
 * <kind>.bias}, {@code <kind>.unseen}, {@code <kind>.<CODE>} and {@code <kind>.<CODE>.origins}.
 * Space: two doubles per code per kind.
 */
public final class LogisticFusion implements Fusion {
  public static final String FORMAT = "brushguard-fusion/1";
  private static final double MAX_EVIDENCE = CodeEvidence.evidence(0.999);

  /** One kind's weights. */
  public record Weights(
      double bias, double unseen, Map<String, Double> strength, Map<String, Double> origins) {
    public Weights {
      strength = Map.copyOf(strength);
      origins = Map.copyOf(origins);
    }

    double logit(List<CodeEvidence> codes) {
      double z = bias;
      for (CodeEvidence c : codes) {
        z += strength.getOrDefault(c.code(), unseen) * feature(c);
        z += origins.getOrDefault(c.code(), 0.0) * Math.log(c.origins());
      }
      return z;
    }
  }

  private final Map<EntityKind, Weights> kinds;
  private final Fusion fallback;

  public LogisticFusion(Map<EntityKind, Weights> kinds) {
    this.kinds = new EnumMap<>(kinds);
    this.fallback = Fusion.standard();
  }

  /** The strength feature of a code: its strongest signal's evidence, at most that of 0.999. */
  public static double feature(CodeEvidence c) {
    return Math.min(CodeEvidence.evidence(c.strength()), MAX_EVIDENCE);
  }

  @Override
  public double score(EntityKind entity, List<CodeEvidence> codes) {
    Weights w = kinds.get(entity);
    if (w == null) {
      return fallback.score(entity, codes);
    }
    return 1 / (1 + Math.exp(-w.logit(codes)));
  }

  @Override
  public String name() {
    return "logistic";
  }

  public Map<EntityKind, Weights> kinds() {
    return Map.copyOf(kinds);
  }

  /** Writes the model file. */
  public void write(Path file) throws IOException {
    Map<String, String> lines = new TreeMap<>();
    for (Map.Entry<EntityKind, Weights> e : kinds.entrySet()) {
      String k = e.getKey().wire();
      Weights w = e.getValue();
      lines.put(k + ".bias", num(w.bias()));
      lines.put(k + ".unseen", num(w.unseen()));
      w.strength().forEach((code, v) -> lines.put(k + "." + code, num(v)));
      w.origins().forEach((code, v) -> lines.put(k + "." + code + ".origins", num(v)));
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# Brushguard fusion model (brushguard train); see docs/detectors.md\n");
      out.write("format=" + FORMAT + "\n");
      for (Map.Entry<String, String> l : lines.entrySet()) {
        out.write(l.getKey() + "=" + l.getValue() + "\n");
      }
    }
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException naming the file and the key when it is not a model
   */
  public static LogisticFusion read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new IllegalArgumentException(
          file + ": format: must be " + FORMAT + ", was " + p.getProperty("format"));
    }
    Map<EntityKind, double[]> heads = new EnumMap<>(EntityKind.class);
    Map<EntityKind, Map<String, Double>> strength = new EnumMap<>(EntityKind.class);
    Map<EntityKind, Map<String, Double>> origins = new EnumMap<>(EntityKind.class);
    for (String key : p.stringPropertyNames()) {
      if (key.equals("format")) {
        continue;
      }
      String[] parts = key.split("\\.");
      EntityKind kind = kind(file, key, parts[0]);
      double v;
      try {
        v = Double.parseDouble(p.getProperty(key).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": " + key + ": not a number");
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(file + ": " + key + ": must be finite");
      }
      double[] head = heads.computeIfAbsent(kind, k -> new double[2]);
      if (parts.length == 2 && parts[1].equals("bias")) {
        head[0] = v;
      } else if (parts.length == 2 && parts[1].equals("unseen")) {
        head[1] = v;
      } else if (parts.length == 2) {
        strength.computeIfAbsent(kind, k -> new HashMap<>()).put(parts[1], v);
      } else if (parts.length == 3 && parts[2].equals("origins")) {
        origins.computeIfAbsent(kind, k -> new HashMap<>()).put(parts[1], v);
      } else {
        throw new IllegalArgumentException(
            file
                + ": "
                + key
                + ": expected <kind>.bias, <kind>.unseen, <kind>.<CODE> or"
                + " <kind>.<CODE>.origins");
      }
    }
    Map<EntityKind, Weights> kinds = new EnumMap<>(EntityKind.class);
    for (Map.Entry<EntityKind, double[]> e : heads.entrySet()) {
      kinds.put(
          e.getKey(),
          new Weights(
              e.getValue()[0],
              e.getValue()[1],
              strength.getOrDefault(e.getKey(), Map.of()),
              origins.getOrDefault(e.getKey(), Map.of())));
    }
    return new LogisticFusion(kinds);
  }

  private static EntityKind kind(Path file, String key, String wire) {
    for (EntityKind k : EntityKind.values()) {
      if (k.wire().equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        file + ": " + key + ": unknown entity kind \"" + wire + "\"");
  }
}
