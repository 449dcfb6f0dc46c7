package io.brushguard.config;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.detect.concentration.ConcentrationDetector;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link BrushguardConfig} from a properties file. Every key is optional (defaults in
 * {@link BrushguardConfig#DEFAULT}); unknown keys and bad values are all reported together, each
 * naming its key, so one run fixes them all.
 *
 * <pre>
 * lateness = 10m                  # 90s, 10m, 2h, 1d or ISO-8601 PT10M
 * decide.review_at = 0.5
 * decide.block_at = 0.9
 * decide.shops_need_case = true
 * concentration.window = 1h
 * concentration.ratio = 3
 * concentration.tally = 30d
 * </pre>
 */
public final class ConfigLoader {
  static final Set<String> KEYS =
      Set.of(
          "lateness",
          "decide.review_at",
          "decide.block_at",
          "decide.shops_need_case",
          "concentration.window",
          "concentration.ratio",
          "concentration.tally");

  private final Properties props;
  private final List<String> errors = new ArrayList<>();

  private ConfigLoader(Properties props) {
    this.props = props;
  }

  /** Loads a file. */
  public static BrushguardConfig load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return from(p);
  }

  /**
   * Builds a config from properties.
   *
   * @throws IllegalArgumentException listing every bad key with its problem
   */
  public static BrushguardConfig from(Properties props) {
    return new ConfigLoader(props).build();
  }

  private BrushguardConfig build() {
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      if (!KEYS.contains(key)) {
        errors.add(key + ": unknown setting (known: " + new TreeSet<>(KEYS) + ")");
      }
    }
    BrushguardConfig d = BrushguardConfig.DEFAULT;
    long lateness = duration("lateness", d.latenessMillis());
    double reviewAt = fraction("decide.review_at", d.decision().reviewAt());
    double blockAt = fraction("decide.block_at", d.decision().blockAt());
    boolean shopsNeedCase = bool("decide.shops_need_case", d.decision().shopsNeedCase());
    long window = duration("concentration.window", d.concentration().windowSeconds() * 1000);
    long ratio = integer("concentration.ratio", d.concentration().ratio());
    long tally = duration("concentration.tally", d.concentration().tallySeconds() * 1000);
    DecisionPolicy policy = null;
    ConcentrationDetector.Config concentration = null;
    try {
      policy = new DecisionPolicy(reviewAt, blockAt, shopsNeedCase);
    } catch (IllegalArgumentException e) {
      errors.add("decide.review_at/decide.block_at: " + e.getMessage());
    }
    try {
      concentration =
          new ConcentrationDetector.Config(
              window / 1000, (int) Math.min(ratio, 1000), tally / 1000);
    } catch (IllegalArgumentException e) {
      errors.add("concentration.*: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("bad configuration: " + String.join("; ", errors));
    }
    return new BrushguardConfig(lateness, policy, concentration);
  }

  private String value(String key) {
    String v = props.getProperty(key);
    return v == null ? null : v.trim();
  }

  private long duration(String key, long fallbackMillis) {
    String v = value(key);
    if (v == null) {
      return fallbackMillis;
    }
    try {
      return parseDuration(v).toMillis();
    } catch (IllegalArgumentException e) {
      errors.add(key + ": " + e.getMessage());
      return fallbackMillis;
    }
  }

  private double fraction(String key, double fallback) {
    String v = value(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) {
        errors.add(key + ": must be between 0 and 1, was " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      errors.add(key + ": must be a number between 0 and 1, was \"" + v + "\"");
      return fallback;
    }
  }

  private long integer(String key, long fallback) {
    String v = value(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      errors.add(key + ": must be an integer, was \"" + v + "\"");
      return fallback;
    }
  }

  private boolean bool(String key, boolean fallback) {
    String v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.equals("true") && !v.equals("false")) {
      errors.add(key + ": must be true or false, was \"" + v + "\"");
      return fallback;
    }
    return Boolean.parseBoolean(v);
  }

  /** {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 250ms} or ISO-8601 {@code PT10M}. */
  public static Duration parseDuration(String v) {
    try {
      if (v.startsWith("P") || v.startsWith("p")) {
        return Duration.parse(v);
      }
      int split = 0;
      while (split < v.length() && Character.isDigit(v.charAt(split))) {
        split++;
      }
      if (split == 0) {
        throw new IllegalArgumentException("bad duration");
      }
      long n = Long.parseLong(v.substring(0, split));
      Duration d =
          switch (v.substring(split).trim()) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("bad unit");
          };
      return d;
    } catch (DateTimeParseException | ArithmeticException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be a duration such as 90s, 10m, 2h, 1d or PT10M, was \"" + v + "\"");
    }
  }
}
