package io.brushguard.ingest;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.InvalidEventException;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Listing;
import io.brushguard.event.Login;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.SpotCheck;
import io.brushguard.event.View;
import io.brushguard.ingest.JsonLine.Key;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one line of the event contract into an {@link Event}, or throws {@link
 * InvalidEventException} naming the field and the reason. Unknown fields are ignored. Ids given as
 * JSON numbers are taken as their text; enum values are their wire names in any ASCII case; a
 * syntax error inside a field's value names that field.
 *
 * <p>Not thread-safe (it reuses its scanner); use one per thread.
 */
public final class EventParser {
  private static final Key TYPE = Key.of("type");
  private static final Key TS = Key.of("ts");
  private static final Key ACCOUNT = Key.of("account");
  private static final Key ROLE = Key.of("role");
  private static final Key SHOP = Key.of("shop");
  private static final Key PHONE = Key.of("phone");
  private static final Key IDENTITY = Key.of("identity");
  private static final Key DEVICE = Key.of("device");
  private static final Key IP = Key.of("ip");
  private static final Key QUERY = Key.of("query");
  private static final Key SESSION = Key.of("session");
  private static final Key ITEM = Key.of("item");
  private static final Key DWELL_MS = Key.of("dwell_ms");
  private static final Key ORDER = Key.of("order");
  private static final Key AMOUNT = Key.of("amount");
  private static final Key QUANTITY = Key.of("quantity");
  private static final Key CURRENCY = Key.of("currency");
  private static final Key ADDRESS = Key.of("address");
  private static final Key PAYER = Key.of("payer");
  private static final Key SUBSIDY = Key.of("subsidy");
  private static final Key CAMPAIGN = Key.of("campaign");
  private static final Key PAYMENT = Key.of("payment");
  private static final Key FROM = Key.of("from");
  private static final Key TO = Key.of("to");
  private static final Key KIND = Key.of("kind");
  private static final Key MEMO = Key.of("memo");
  private static final Key WAYBILL = Key.of("waybill");
  private static final Key STATUS = Key.of("status");
  private static final Key CARRIER = Key.of("carrier");
  private static final Key LOCATION = Key.of("location");
  private static final Key WEIGHT_G = Key.of("weight_g");
  private static final Key REVIEW = Key.of("review");
  private static final Key RATING = Key.of("rating");
  private static final Key TEXT = Key.of("text");
  private static final Key IMAGES = Key.of("images");
  private static final Key LISTING = Key.of("listing");
  private static final Key TITLE = Key.of("title");
  private static final Key REPORT = Key.of("report");
  private static final Key REPORTER = Key.of("reporter");
  private static final Key TARGET_KIND = Key.of("target_kind");
  private static final Key TARGET = Key.of("target");
  private static final Key CATEGORY = Key.of("category");
  private static final Key ATTACHMENTS = Key.of("attachments");
  private static final Key CHECK = Key.of("check");
  private static final Key RESULT = Key.of("result");
  private static final Key AGENCY = Key.of("agency");
  private static final Key NOTE = Key.of("note");

  private static final EventType[] TYPES = EventType.values();
  private static final byte[][] TYPE_WIRES = new byte[TYPES.length][];

  static {
    for (EventType t : TYPES) {
      TYPE_WIRES[t.ordinal()] = t.wire().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final WireEnum<Account.Role> ROLES = new WireEnum<>(Account.Role.class);
  private static final WireEnum<Payment.Kind> PAYMENT_KINDS = new WireEnum<>(Payment.Kind.class);
  private static final WireEnum<Logistics.Status> STATUSES = new WireEnum<>(Logistics.Status.class);
  private static final WireEnum<Report.TargetKind> TARGET_KINDS =
      new WireEnum<>(Report.TargetKind.class);
  private static final WireEnum<Report.Category> CATEGORIES = new WireEnum<>(Report.Category.class);
  private static final WireEnum<Report.Attachment.Kind> ATTACHMENT_KINDS =
      new WireEnum<>(Report.Attachment.Kind.class);
  private static final WireEnum<SpotCheck.Kind> CHECK_KINDS = new WireEnum<>(SpotCheck.Kind.class);
  private static final WireEnum<SpotCheck.Result> CHECK_RESULTS =
      new WireEnum<>(SpotCheck.Result.class);

  private final JsonLine json = new JsonLine();

  /** Parses a whole line given as a string (tests, HTTP bodies). */
  public Event parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /**
   * Parses the JSON object in {@code buf[from, to)}.
   *
   * @throws InvalidEventException naming the field (null for malformed JSON) and the reason
   */
  public Event parse(byte[] buf, int from, int to) {
    try {
      json.parse(buf, from, to);
    } catch (JsonSyntaxException e) {
      throw new InvalidEventException(e.field(), e.getMessage());
    }
    return switch (type()) {
      case ACCOUNT ->
          new Account(
              id(ACCOUNT),
              ts(),
              enumOf(ROLE, ROLES),
              optId(SHOP),
              opt(PHONE),
              opt(IDENTITY),
              opt(DEVICE),
              opt(IP));
      case LOGIN -> new Login(id(ACCOUNT), ts(), opt(DEVICE), opt(IP));
      case SEARCH -> new Search(id(ACCOUNT), text(QUERY), ts(), opt(SESSION), opt(DEVICE), opt(IP));
      case VIEW ->
          new View(
              id(ACCOUNT),
              id(SHOP),
              ts(),
              optId(ITEM),
              optNonNegative(DWELL_MS, View.UNKNOWN),
              opt(SESSION),
              opt(QUERY));
      case ORDER ->
          new Order(
              id(ORDER),
              id(ACCOUNT),
              id(SHOP),
              id(ITEM),
              amount(AMOUNT),
              ts(),
              quantity(),
              opt(CURRENCY),
              opt(DEVICE),
              opt(IP),
              opt(ADDRESS),
              optId(PAYER),
              optLong(SUBSIDY, 0),
              optId(CAMPAIGN),
              opt(SESSION));
      case PAYMENT ->
          new Payment(
              id(PAYMENT),
              id(FROM),
              id(TO),
              amount(AMOUNT),
              ts(),
              enumOf(KIND, PAYMENT_KINDS),
              optId(ORDER),
              opt(MEMO),
              opt(CURRENCY));
      case LINK -> new Link(id(ACCOUNT), id(PAYER), ts());
      case LOGISTICS ->
          new Logistics(
              id(WAYBILL),
              id(ORDER),
              requiredEnum(STATUS, STATUSES),
              ts(),
              opt(CARRIER),
              opt(LOCATION),
              optNonNegative(WEIGHT_G, Logistics.UNKNOWN));
      case REVIEW ->
          new Review(
              id(REVIEW),
              id(ACCOUNT),
              id(SHOP),
              rating(),
              ts(),
              optId(ORDER),
              optId(ITEM),
              opt(TEXT),
              images(),
              opt(DEVICE),
              opt(IP));
      case LIKE -> new Like(id(ACCOUNT), id(REVIEW), ts(), opt(DEVICE), opt(IP));
      case LISTING -> new Listing(id(LISTING), id(SHOP), text(TEXT), ts(), optId(ITEM), opt(TITLE));
      case REPORT ->
          new Report(
              id(REPORT),
              id(REPORTER),
              requiredEnum(TARGET_KIND, TARGET_KINDS),
              id(TARGET),
              ts(),
              enumOf(CATEGORY, CATEGORIES),
              opt(TEXT),
              attachments());
      case SPOT_CHECK ->
          new SpotCheck(
              id(CHECK),
              id(SHOP),
              requiredEnum(KIND, CHECK_KINDS),
              requiredEnum(RESULT, CHECK_RESULTS),
              ts(),
              optId(ITEM),
              opt(AGENCY),
              opt(NOTE));
    };
  }

  private EventType type() {
    int i = json.find(TYPE);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      throw new InvalidEventException("type", "is required");
    }
    if (json.kind(i) != JsonLine.Kind.STRING) {
      throw new InvalidEventException("type", "must be a string, was " + abbreviate(json.raw(i)));
    }
    for (EventType t : TYPES) {
      if (json.stringEquals(i, TYPE_WIRES[t.ordinal()])) {
        return t;
      }
    }
    EventType escaped = json.isPlain(i) ? null : EventType.ofWire(json.string(i));
    if (escaped != null) {
      return escaped; // written with escapes, equal once decoded
    }
    throw new InvalidEventException(
        "type", "is not a known event type: " + abbreviate(json.raw(i)));
  }

  private long ts() {
    int i = json.find(TS);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      throw new InvalidEventException("ts", "is required");
    }
    long ts;
    switch (json.kind(i)) {
      case NUMBER -> ts = integer(TS.name(), i);
      case STRING -> {
        try {
          ts =
              json.isPlain(i)
                  ? Timestamps.parseIso(json.buffer(), json.valueStart(i), json.valueEnd(i))
                  : Timestamps.parseIso(json.string(i));
        } catch (IllegalArgumentException e) {
          throw new InvalidEventException("ts", e.getMessage());
        }
      }
      default ->
          throw new InvalidEventException(
              "ts",
              "must be an ISO-8601 string or epoch milliseconds, was " + abbreviate(json.raw(i)));
    }
    String outOfRange = Timestamps.outOfRange(ts);
    if (outOfRange != null) {
      throw new InvalidEventException("ts", outOfRange + ", was " + abbreviate(json.raw(i)));
    }
    return ts;
  }

  /** A required id: a non-empty string of at most 128 characters. */
  private String id(Key key) {
    String s = opt(key);
    if (s == null) {
      throw new InvalidEventException(key.name(), "is required");
    }
    return s;
  }

  /** An optional id: validated by the record's constructor. */
  private String optId(Key key) {
    return opt(key);
  }

  /** A required free text (may be empty). */
  private String text(Key key) {
    String s = opt(key);
    if (s == null) {
      throw new InvalidEventException(key.name(), "is required");
    }
    return s;
  }

  /** An optional string; numbers are accepted as their text (ids are often numeric). */
  private String opt(Key key) {
    int i = json.find(key);
    if (i < 0) {
      return null;
    }
    return switch (json.kind(i)) {
      case STRING -> json.string(i);
      case NULL -> null;
      case NUMBER -> json.raw(i);
      default ->
          throw new InvalidEventException(
              key.name(), "must be a string, was " + abbreviate(json.raw(i)));
    };
  }

  private long amount(Key key) {
    int i = json.find(key);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      throw new InvalidEventException(key.name(), "is required");
    }
    return integer(key.name(), i);
  }

  private long optLong(Key key, long absent) {
    int i = json.find(key);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      return absent;
    }
    return integer(key.name(), i);
  }

  /** An optional count or size: {@code absent} when missing or null, never negative. */
  private long optNonNegative(Key key, long absent) {
    int i = json.find(key);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      return absent;
    }
    long v = integer(key.name(), i);
    if (v < 0) {
      throw new InvalidEventException(key.name(), "must not be negative, was " + v);
    }
    return v;
  }

  private int quantity() {
    long q = optLong(QUANTITY, 1);
    if (q < 1) {
      throw new InvalidEventException("quantity", "must be at least 1, was " + q);
    }
    if (q > Integer.MAX_VALUE) {
      throw new InvalidEventException("quantity", "is out of range: " + q);
    }
    return (int) q;
  }

  private int rating() {
    int i = json.find(RATING);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      throw new InvalidEventException("rating", "is required");
    }
    long r = integer("rating", i);
    if (r < 1 || r > 5) {
      throw new InvalidEventException("rating", "must be 1..5, was " + json.raw(i));
    }
    return (int) r;
  }

  private long integer(String field, int i) {
    if (json.kind(i) != JsonLine.Kind.NUMBER) {
      throw new InvalidEventException(field, "must be an integer, was " + abbreviate(json.raw(i)));
    }
    try {
      return json.integer(i);
    } catch (NumberFormatException e) {
      throw new InvalidEventException(field, e.getMessage());
    }
  }

  private <E extends Enum<E>> E requiredEnum(Key key, WireEnum<E> values) {
    E e = enumOf(key, values);
    if (e == null) {
      throw new InvalidEventException(key.name(), "is required");
    }
    return e;
  }

  /**
   * An optional enum given by its wire name, in any ASCII case (the exact lower-case name takes a
   * fast path without allocation); null when absent.
   */
  private <E extends Enum<E>> E enumOf(Key key, WireEnum<E> values) {
    int i = json.find(key);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      return null;
    }
    if (json.kind(i) == JsonLine.Kind.STRING) {
      for (int c = 0; c < values.wires.length; c++) {
        if (json.stringEquals(i, values.wires[c])) {
          return values.constants[c];
        }
      }
      E other = values.of(json.string(i)); // in another case, or written with escapes
      if (other != null) {
        return other;
      }
    }
    throw new InvalidEventException(key.name(), values.mustBe(json.raw(i)));
  }

  /** An enum's constants and their wire names, pre-encoded for allocation-free matching. */
  private static final class WireEnum<E extends Enum<E>> {
    final E[] constants;
    final String[] names;
    final byte[][] wires;
    final String allowed;

    WireEnum(Class<E> type) {
      constants = type.getEnumConstants();
      names = new String[constants.length];
      wires = new byte[constants.length][];
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < constants.length; c++) {
        String wire = constants[c].name().toLowerCase(Locale.ROOT);
        names[c] = wire;
        wires[c] = wire.getBytes(StandardCharsets.US_ASCII);
        sb.append(c == 0 ? "" : ", ").append(wire);
      }
      allowed = sb.toString();
    }

    /** The constant whose wire name equals {@code text} ignoring ASCII case, or null. */
    E of(String text) {
      for (int c = 0; c < constants.length; c++) {
        if (equalsIgnoringAsciiCase(names[c], text)) {
          return constants[c];
        }
      }
      return null;
    }

    private static boolean equalsIgnoringAsciiCase(String lower, String text) {
      if (lower.length() != text.length()) {
        return false;
      }
      for (int i = 0; i < lower.length(); i++) {
        char t = text.charAt(i);
        if (lower.charAt(i) != (t >= 'A' && t <= 'Z' ? (char) (t + 32) : t)) {
          return false;
        }
      }
      return true;
    }

    String mustBe(String raw) {
      return "must be one of " + allowed + ", was " + abbreviate(raw);
    }
  }

  private List<String> images() {
    int i = json.find(IMAGES);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      return List.of();
    }
    if (json.kind(i) != JsonLine.Kind.ARRAY) {
      throw new InvalidEventException("images", "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) tree(i)) {
      if (!(o instanceof String s)) {
        throw new InvalidEventException(
            "images", "must be a list of strings, has " + abbreviate(String.valueOf(o)));
      }
      out.add(s);
    }
    return out;
  }

  private List<Report.Attachment> attachments() {
    int i = json.find(ATTACHMENTS);
    if (i < 0 || json.kind(i) == JsonLine.Kind.NULL) {
      return List.of();
    }
    if (json.kind(i) != JsonLine.Kind.ARRAY) {
      throw new InvalidEventException("attachments", "must be a list of objects");
    }
    List<Report.Attachment> out = new ArrayList<>();
    List<?> items = (List<?>) tree(i);
    for (int n = 0; n < items.size(); n++) {
      String field = "attachments[" + n + "]";
      if (!(items.get(n) instanceof Map<?, ?> m)) {
        throw new InvalidEventException(field, "must be an object");
      }
      Object kind = m.get("kind");
      if (kind == null) {
        throw new InvalidEventException(field + ".kind", "is required");
      }
      Report.Attachment.Kind parsed = kind instanceof String k ? ATTACHMENT_KINDS.of(k) : null;
      if (parsed == null) {
        throw new InvalidEventException(
            field + ".kind",
            ATTACHMENT_KINDS.mustBe(
                kind instanceof String k ? '"' + k + '"' : String.valueOf(kind)));
      }
      out.add(
          new Report.Attachment(
              parsed,
              stringOrNull(field + ".sha256", m.get("sha256")),
              stringOrNull(field + ".name", m.get("name"))));
    }
    return out;
  }

  private Object tree(int i) {
    try {
      return json.tree(i);
    } catch (JsonSyntaxException e) {
      throw new InvalidEventException(e.field(), e.getMessage());
    }
  }

  private static String stringOrNull(String field, Object o) {
    if (o == null || o instanceof String) {
      return (String) o;
    }
    throw new InvalidEventException(field, "must be a string, was " + abbreviate(o.toString()));
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
