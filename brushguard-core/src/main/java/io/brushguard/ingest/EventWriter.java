package io.brushguard.ingest;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
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
import io.brushguard.findings.Json;
import java.util.List;
import java.util.Locale;

/**
 * Writes any {@link Event} as one line of the event contract ({@code spec/events.md}): the inverse
 * of {@link EventParser}, so {@code parser.parse(EventWriter.toLine(e))} equals {@code e}.
 *
 * <p>{@code type} comes first, then the fields in the contract's order. {@code ts} is written as
 * epoch milliseconds (exact, and the cheapest form to write and to parse). Absent optional fields
 * and fields equal to their contract default ({@code role} buyer, {@code currency} CNY, {@code
 * quantity} 1, {@code subsidy} 0, unknown {@code dwell_ms} or {@code weight_g}, empty {@code
 * images} or {@code attachments}) are left out, which keeps generated files small.
 *
 * <p>Stateless and allocation-free apart from the caller's {@link StringBuilder}; safe to share.
 */
public final class EventWriter {
  private static final String[] TYPE_PREFIX = new String[EventType.values().length];

  static {
    for (EventType t : EventType.values()) {
      TYPE_PREFIX[t.ordinal()] = "{\"type\":\"" + t.wire() + '"';
    }
  }

  private EventWriter() {}

  /** The event as one JSON object, without the trailing newline. */
  public static String toLine(Event event) {
    return append(new StringBuilder(192), event).toString();
  }

  /** Appends the event as one JSON object (no newline) and returns {@code out}. */
  public static StringBuilder append(StringBuilder out, Event event) {
    out.append(TYPE_PREFIX[event.type().ordinal()]);
    switch (event.type()) {
      case ACCOUNT -> account(out, (Account) event);
      case LOGIN -> login(out, (Login) event);
      case SEARCH -> search(out, (Search) event);
      case VIEW -> view(out, (View) event);
      case ORDER -> order(out, (Order) event);
      case PAYMENT -> payment(out, (Payment) event);
      case LINK -> link(out, (Link) event);
      case LOGISTICS -> logistics(out, (Logistics) event);
      case REVIEW -> review(out, (Review) event);
      case LIKE -> like(out, (Like) event);
      case LISTING -> listing(out, (Listing) event);
      case REPORT -> report(out, (Report) event);
      case SPOT_CHECK -> spotCheck(out, (SpotCheck) event);
    }
    return out.append('}');
  }

  private static void account(StringBuilder out, Account e) {
    str(out, ",\"account\":\"", e.account());
    ts(out, e.ts());
    if (e.role() != Account.Role.BUYER) {
      enumeration(out, ",\"role\":", e.role());
    }
    str(out, ",\"shop\":\"", e.shop());
    str(out, ",\"phone\":\"", e.phone());
    str(out, ",\"identity\":\"", e.identity());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
  }

  private static void login(StringBuilder out, Login e) {
    str(out, ",\"account\":\"", e.account());
    ts(out, e.ts());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
  }

  private static void search(StringBuilder out, Search e) {
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"query\":\"", e.query());
    ts(out, e.ts());
    str(out, ",\"session\":\"", e.session());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
  }

  private static void view(StringBuilder out, View e) {
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"shop\":\"", e.shop());
    ts(out, e.ts());
    str(out, ",\"item\":\"", e.item());
    if (e.dwellMs() != View.UNKNOWN) {
      out.append(",\"dwell_ms\":").append(e.dwellMs());
    }
    str(out, ",\"session\":\"", e.session());
    str(out, ",\"query\":\"", e.query());
  }

  private static void order(StringBuilder out, Order e) {
    str(out, ",\"order\":\"", e.order());
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"shop\":\"", e.shop());
    str(out, ",\"item\":\"", e.item());
    out.append(",\"amount\":").append(e.amount());
    ts(out, e.ts());
    if (e.quantity() != 1) {
      out.append(",\"quantity\":").append(e.quantity());
    }
    currency(out, e.currency());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
    str(out, ",\"address\":\"", e.address());
    str(out, ",\"payer\":\"", e.payer());
    if (e.subsidy() != 0) {
      out.append(",\"subsidy\":").append(e.subsidy());
    }
    str(out, ",\"campaign\":\"", e.campaign());
    str(out, ",\"session\":\"", e.session());
  }

  private static void payment(StringBuilder out, Payment e) {
    str(out, ",\"payment\":\"", e.payment());
    str(out, ",\"from\":\"", e.from());
    str(out, ",\"to\":\"", e.to());
    out.append(",\"amount\":").append(e.amount());
    ts(out, e.ts());
    enumeration(out, ",\"kind\":", e.kind());
    str(out, ",\"order\":\"", e.order());
    str(out, ",\"memo\":\"", e.memo());
    currency(out, e.currency());
  }

  private static void link(StringBuilder out, Link e) {
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"payer\":\"", e.payer());
    ts(out, e.ts());
  }

  private static void logistics(StringBuilder out, Logistics e) {
    str(out, ",\"waybill\":\"", e.waybill());
    str(out, ",\"order\":\"", e.order());
    enumeration(out, ",\"status\":", e.status());
    ts(out, e.ts());
    str(out, ",\"carrier\":\"", e.carrier());
    str(out, ",\"location\":\"", e.location());
    if (e.weightG() != Logistics.UNKNOWN) {
      out.append(",\"weight_g\":").append(e.weightG());
    }
  }

  private static void review(StringBuilder out, Review e) {
    str(out, ",\"review\":\"", e.review());
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"shop\":\"", e.shop());
    out.append(",\"rating\":").append(e.rating());
    ts(out, e.ts());
    str(out, ",\"order\":\"", e.order());
    str(out, ",\"item\":\"", e.item());
    str(out, ",\"text\":\"", e.text());
    strings(out, ",\"images\":", e.images());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
  }

  private static void like(StringBuilder out, Like e) {
    str(out, ",\"account\":\"", e.account());
    str(out, ",\"review\":\"", e.review());
    ts(out, e.ts());
    str(out, ",\"device\":\"", e.device());
    str(out, ",\"ip\":\"", e.ip());
  }

  private static void listing(StringBuilder out, Listing e) {
    str(out, ",\"listing\":\"", e.listing());
    str(out, ",\"shop\":\"", e.shop());
    str(out, ",\"text\":\"", e.text());
    ts(out, e.ts());
    str(out, ",\"item\":\"", e.item());
    str(out, ",\"title\":\"", e.title());
  }

  private static void report(StringBuilder out, Report e) {
    str(out, ",\"report\":\"", e.report());
    str(out, ",\"reporter\":\"", e.reporter());
    enumeration(out, ",\"target_kind\":", e.targetKind());
    str(out, ",\"target\":\"", e.target());
    ts(out, e.ts());
    enumeration(out, ",\"category\":", e.category());
    str(out, ",\"text\":\"", e.text());
    List<Report.Attachment> attachments = e.attachments();
    if (!attachments.isEmpty()) {
      out.append(",\"attachments\":[");
      for (int i = 0; i < attachments.size(); i++) {
        Report.Attachment a = attachments.get(i);
        out.append(i == 0 ? "{" : ",{");
        out.append("\"kind\":\"").append(lower(a.kind())).append('"');
        str(out, ",\"sha256\":\"", a.sha256());
        str(out, ",\"name\":\"", a.name());
        out.append('}');
      }
      out.append(']');
    }
  }

  private static void spotCheck(StringBuilder out, SpotCheck e) {
    str(out, ",\"check\":\"", e.check());
    str(out, ",\"shop\":\"", e.shop());
    enumeration(out, ",\"kind\":", e.kind());
    enumeration(out, ",\"result\":", e.result());
    ts(out, e.ts());
    str(out, ",\"item\":\"", e.item());
    str(out, ",\"agency\":\"", e.agency());
    str(out, ",\"note\":\"", e.note());
  }

  private static void ts(StringBuilder out, long ts) {
    out.append(",\"ts\":").append(ts);
  }

  /**
   * Appends {@code ,"name":"value"}; leaves an absent (null) value out. {@code prefix} is {@code
   * ,"name":"} including the opening quote, so that a value that needs no escaping (almost all:
   * ids, tokens, plain text) costs one scan and three appends.
   */
  private static void str(StringBuilder out, String prefix, String value) {
    if (value == null) {
      return;
    }
    if (plain(value)) {
      out.append(prefix).append(value).append('"');
    } else {
      Json.string(out.append(prefix, 0, prefix.length() - 1), value);
    }
  }

  /** Whether the string needs no JSON escaping. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }

  /** A JSON string literal. */
  private static void string(StringBuilder out, String s) {
    if (plain(s)) {
      out.append('"').append(s).append('"');
    } else {
      Json.string(out, s);
    }
  }

  private static void currency(StringBuilder out, String currency) {
    if (!"CNY".equals(currency)) {
      str(out, ",\"currency\":\"", currency);
    }
  }

  private static void strings(StringBuilder out, String prefix, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    out.append(prefix).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, values.get(i));
    }
    out.append(']');
  }

  private static void enumeration(StringBuilder out, String prefix, Enum<?> value) {
    out.append(prefix).append('"').append(lower(value)).append('"');
  }

  /** Wire names of enum constants, computed once per constant. */
  private static String lower(Enum<?> value) {
    return WireNames.of(value);
  }

  /** Lower-case wire names cached per enum class (the contract's enums are all small). */
  private static final class WireNames {
    private static final ClassValue<String[]> NAMES =
        new ClassValue<>() {
          @Override
          protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
              names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
          }
        };

    static String of(Enum<?> value) {
      return NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }
  }
}
