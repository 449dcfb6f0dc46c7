package io.brushguard.config;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.concentration.ConcentrationDetector;
import io.brushguard.detect.scripted.ScriptedSessions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link BrushguardConfig} from a properties file. Every key is optional (defaults in
 * {@link BrushguardConfig#DEFAULT}); unknown keys and bad values are all reported together, each
 * naming its key, so one run fixes them all. Durations are non-negative (ahead positive); the
 * concentration window and tally are whole seconds, at least 1s, with the tally at least the
 * window; the decision thresholds lie in (0, 1] with review_at at most block_at; the ratio is at
 * least 2.
 *
 * <pre>
 * lateness = 10m                  # 90s, 10m, 2h, 1d or ISO-8601 PT10M
 * ahead = 1d                      # positive
 * retention = 30d                 # how long decisions and ledgers keep an entity (event time)
 * decide.review_at = 0.5
 * decide.block_at = 0.9
 * decide.shops_need_case = true
 * decide.model = model.properties # a fusion fitted by brushguard train (default: the documented rule)
 * detectors = all                 # or a list of families: concentration,surge,text (DetectorFamily)
 * rings.enabled = false           # adds or removes the rings family
 * concentration.window = 1h
 * concentration.ratio = 3
 * concentration.tally = 30d
 * surge.alpha = 1e-6              # tail probability of a surge, in (0, 0.5)
 * surge.lookback = 6h             # how far back a buyer's view of the shop counts for an order
 * scripted.window = 2d            # how far back an account's tasks are judged together
 * scripted.alpha = 1e-5           # false-alarm bound of one test of a genuine account
 * scripted.margin = 0.5           # genuine spread assumed at least this share of the population's
 * cashback.horizon = 7d           # money back counts this long after the order or its review
 * cashback.broker_buyers = 3      # buyers of one shop an untied account pays back: a broker
 * cashback.broker_window = 30d
 * </pre>
 */
public final class ConfigLoader {
  static final Set<String> KEYS =
      Set.of(
          "lateness",
          "ahead",
          "retention",
          "decide.review_at",
          "decide.block_at",
          "decide.shops_need_case",
          "decide.model",
          "rings.enabled",
          "detectors",
          "concentration.window",
          "concentration.ratio",
          "concentration.tally",
          "surge.alpha",
          "surge.lookback",
          "scripted.window",
          "scripted.alpha",
          "scripted.margin",
          "cashback.horizon",
          "cashback.broker_buyers",
          "cashback.broker_window");

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
    long lateness = millis("lateness", d.latenessMillis());
    long ahead = millis("ahead", d.aheadMillis());
    if (ahead == 0) {
      errors.add("ahead: must be positive, was \"" + value("ahead") + "\"");
    }
    long retention = millis("retention", d.retentionMillis());
    if (retention == 0) {
      errors.add("retention: must be positive, was \"" + value("retention") + "\"");
    }
    double reviewAt = fraction("decide.review_at", d.decision().reviewAt());
    double blockAt = fraction("decide.block_at", d.decision().blockAt());
    boolean shopsNeedCase = bool("decide.shops_need_case", d.decision().shopsNeedCase());
    Set<DetectorFamily> detectors = families("detectors", d.detectors());
    if (value("rings.enabled") != null) {
      EnumSet<DetectorFamily> with = EnumSet.noneOf(DetectorFamily.class);
      with.addAll(detectors);
      detectors = with;
      if (bool("rings.enabled", d.rings())) {
        with.add(DetectorFamily.RINGS);
      } else {
        with.remove(DetectorFamily.RINGS);
      }
    }
    io.brushguard.decide.Fusion fusion = d.decision().fusion();
    if (value("decide.model") != null) {
      try {
        fusion =
            io.brushguard.decide.LogisticFusion.read(java.nio.file.Path.of(value("decide.model")));
      } catch (java.io.IOException | IllegalArgumentException e) {
        errors.add(
            "decide.model: cannot read \"" + value("decide.model") + "\": " + e.getMessage());
      }
    }
    long window = seconds("concentration.window", d.concentration().windowSeconds());
    long ratio = integer("concentration.ratio", d.concentration().ratio(), 2, Integer.MAX_VALUE);
    long tally = seconds("concentration.tally", d.concentration().tallySeconds());
    double surgeAlpha = fraction("surge.alpha", d.surge().alpha());
    if (surgeAlpha >= 0.5) {
      errors.add("surge.alpha: must be below 0.5, was " + surgeAlpha);
    }
    long surgeLookback = millis("surge.lookback", d.surge().lookbackMillis());
    if (surgeLookback == 0) {
      errors.add("surge.lookback: must be positive, was \"" + value("surge.lookback") + "\"");
    }
    ScriptedSessions.Config sd = d.scripted();
    long scriptedWindow = seconds("scripted.window", sd.windowSeconds());
    if (scriptedWindow >= 0 && scriptedWindow < 3600) {
      errors.add("scripted.window: must be at least 1h, was \"" + value("scripted.window") + "\"");
    }
    double alpha = fraction("scripted.alpha", sd.alpha());
    if (alpha >= 1) {
      errors.add("scripted.alpha: must be below 1, was " + alpha);
    }
    double margin = fraction("scripted.margin", sd.spreadMargin());
    long horizon = millis("cashback.horizon", d.cashback().horizonMillis());
    long brokerBuyers =
        integer("cashback.broker_buyers", d.cashback().brokerBuyers(), 2, Integer.MAX_VALUE);
    long brokerWindow = millis("cashback.broker_window", d.cashback().brokerWindowMillis());
    if (horizon == 0 || brokerWindow == 0) {
      errors.add("cashback.horizon and cashback.broker_window: must be positive");
    }
    // rules across keys, checked only between values that are valid on their own
    if (reviewAt > blockAt) {
      errors.add(
          "decide.review_at: must not be above decide.block_at (" + blockAt + "), was " + reviewAt);
    }
    if (window > 0 && tally > 0 && tally < window) {
      errors.add(
          "concentration.tally: must be at least concentration.window ("
              + window
              + " s), was "
              + tally
              + " s");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("bad configuration: " + String.join("; ", errors));
    }
    return new BrushguardConfig(
        lateness,
        ahead,
        retention,
        new DecisionPolicy(reviewAt, blockAt, shopsNeedCase, fusion),
        new ConcentrationDetector.Config(window, (int) ratio, tally),
        d.surge().withAlpha(surgeAlpha).withLookbackMillis(surgeLookback),
        new ScriptedSessions.Config(
            scriptedWindow,
            sd.minTasks(),
            sd.maxTasks(),
            alpha,
            margin,
            sd.minPairs(),
            sd.minBuyersPaid(),
            sd.payoutDays(),
            sd.linkDays()),
        d.velocity(),
        new CashbackDetector.Config(horizon, (int) brokerBuyers, brokerWindow),
        detectors);
  }

  private String value(String key) {
    String v = props.getProperty(key);
    return v == null ? null : v.trim();
  }

  /** A non-negative duration in milliseconds; -1 after reporting a bad value. */
  private long millis(String key, long fallbackMillis) {
    String v = value(key);
    if (v == null) {
      return fallbackMillis;
    }
    try {
      Duration d = parseDuration(v);
      if (d.isNegative()) {
        errors.add(key + ": must not be negative, was \"" + v + "\"");
        return -1;
      }
      return d.toMillis();
    } catch (IllegalArgumentException e) {
      errors.add(key + ": " + e.getMessage());
      return -1;
    } catch (ArithmeticException e) {
      errors.add(key + ": is too large, was \"" + v + "\"");
      return -1;
    }
  }

  /** A duration of whole seconds, at least one; -1 after reporting a bad value. */
  private long seconds(String key, long fallbackSeconds) {
    if (value(key) == null) {
      return fallbackSeconds;
    }
    long ms = millis(key, -1);
    if (ms < 0) {
      return -1;
    }
    if (ms < 1000 || ms % 1000 != 0) {
      errors.add(key + ": must be whole seconds, at least 1s, was \"" + value(key) + "\"");
      return -1;
    }
    return ms / 1000;
  }

  /** A number in (0, 1]; NaN after reporting a bad value. */
  private double fraction(String key, double fallback) {
    String v = value(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(key + ": must be a number above 0 and at most 1, was \"" + v + "\"");
    return Double.NaN;
  }

  private long integer(String key, long fallback, long min, long max) {
    String v = value(key);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(key + ": must be an integer from " + min + " to " + max + ", was \"" + v + "\"");
    return fallback;
  }

  /**
   * A comma-separated list of {@link DetectorFamily} names, or {@code all} (the default families);
   * the default after reporting a bad one.
   */
  private Set<DetectorFamily> families(String key, Set<DetectorFamily> fallback) {
    String v = value(key);
    if (v == null || v.equals("all")) {
      return fallback;
    }
    EnumSet<DetectorFamily> out = EnumSet.noneOf(DetectorFamily.class);
    for (String part : v.split(",", -1)) {
      String name = part.trim();
      DetectorFamily f = DetectorFamily.ofSettingName(name);
      if (f == null) {
        List<String> known = new ArrayList<>();
        for (DetectorFamily k : DetectorFamily.values()) {
          known.add(k.settingName());
        }
        errors.add(
            key + ": unknown family \"" + name + "\" (known: all or a list of " + known + ")");
        return fallback;
      }
      out.add(f);
    }
    for (DetectorFamily f : out) {
      if (f.requires() != null && !out.contains(f.requires())) {
        errors.add(
            key
                + ": "
                + f.settingName()
                + " reads what "
                + f.requires().settingName()
                + " finds; list both");
        return fallback;
      }
    }
    return out;
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
      while (split < v.length() && v.charAt(split) >= '0' && v.charAt(split) <= '9') {
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
