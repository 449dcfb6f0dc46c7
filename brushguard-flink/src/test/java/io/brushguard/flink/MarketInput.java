package io.brushguard.flink;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded test input in the event contract, written the way real feeds go wrong: events out of order
 * (most within the lateness bound, some far beyond it), equal timestamps, bad lines, blank and
 * whitespace lines, CRLF endings, both timestamp forms. Brushing bursts (each order from a session
 * of its own) make the concentration detector fire, and refunds minutes after some orders cancel
 * them; reviews, likes and logins feed the test detectors.
 */
final class MarketInput {
  private static final DateTimeFormatter ISO_CST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(8));
  static final long T0 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

  private static final String[] BAD =
      new String[] {
        "{\"type\":\"order\",\"order\":\"bad1\"", // truncated JSON
        "{\"type\":\"review\",\"review\":\"rx\",\"account\":\"u1\",\"shop\":\"s1\",\"rating\":9,"
            + "\"ts\":1740787200000}",
        "{\"type\":\"teleport\",\"ts\":1740787200000}",
        "{\"order\":\"o-none\",\"ts\":1740787200000}",
        "{\"type\":\"order\",\"order\":\"ox\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i1\","
            + "\"amount\":-5,\"ts\":1740787200000}",
        "not json at all",
        "{\"type\":\"like\",\"account\":\"u1\",\"review\":\"r1\",\"ts\":\"yesterday\"}",
      };

  private record Item(long arrival, int seq, String json) {}

  private final Random rnd;
  private final List<Item> items = new ArrayList<>();
  private int orders;
  private final List<Long> orderTimes = new ArrayList<>();
  private int reviews;

  private MarketInput(long seed) {
    this.rnd = new Random(seed);
  }

  /** About {@code scale} × 400 events over three hours, plus bad and blank lines. */
  static String generate(long seed, int scale) {
    return new MarketInput(seed).build(scale);
  }

  private String build(int scale) {
    long span = 3 * 3_600_000L;
    for (int i = 0; i < 100 * scale; i++) {
      order(shop(), "u" + rnd.nextInt(40 * scale), T0 + rnd.nextLong(span) / 1000 * 1000);
    }
    for (int b = 0; b < 3 * scale; b++) { // brushing: few buyers, many orders, within 20 minutes
      String shop = shop();
      long start = T0 + rnd.nextLong(span);
      int buyers = rnd.nextInt(3) == 0 ? 2 : 1;
      int n = 12 + rnd.nextInt(7);
      for (int i = 0; i < n; i++) {
        long ts = start + rnd.nextLong(20 * 60_000L) / 1000 * 1000;
        order(shop, "b" + b + "-" + rnd.nextInt(buyers), ts);
        if (rnd.nextInt(3) == 0) {
          order(shop, "b" + b + "-0", ts); // same second, same shop
        }
      }
    }
    for (int i = 0; i < 120 * scale; i++) {
      String account = "u" + rnd.nextInt(12);
      long ts = T0 + rnd.nextLong(span);
      int rating = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(4) : 5;
      add(
          ts,
          "{\"type\":\"review\",\"review\":\"r"
              + reviews++
              + "\",\"account\":\""
              + account
              + "\",\"shop\":\""
              + shop()
              + "\",\"rating\":"
              + rating
              + ",\"ts\":"
              + ts(ts)
              + "}");
    }
    for (int i = 0; i < 60 * scale; i++) {
      long ts = T0 + rnd.nextLong(span);
      add(
          ts,
          "{\"type\":\"like\",\"account\":\"u"
              + rnd.nextInt(20)
              + "\",\"review\":\"r"
              + rnd.nextInt(Math.max(1, reviews))
              + "\",\"ts\":"
              + ts(ts)
              + "}");
    }
    for (int i = 0; i < 60 * scale; i++) {
      long ts = T0 + rnd.nextLong(span);
      String account = "u" + rnd.nextInt(20);
      add(ts, "{\"type\":\"login\",\"account\":\"" + account + "\",\"ts\":" + ts(ts) + "}");
      if (rnd.nextBoolean()) { // a burst of activity right after logging in
        for (int k = 0; k < 3; k++) {
          order("s9", account, ts + 1_000L * rnd.nextInt(40));
        }
      }
    }
    for (int i = 0; i < 20 * scale; i++) {
      long ts = T0 + rnd.nextLong(span);
      add(
          ts,
          "{\"type\":\"view\",\"account\":\"u1\",\"shop\":\""
              + shop()
              + "\",\"ts\":"
              + ts(ts)
              + "}");
    }
    for (int i = 0;
        i < 30 * scale;
        i++) { // browse, then buy: tasks for scripted-tasks, some regular
      String account = "u" + rnd.nextInt(6);
      String shop = shop();
      long ts = T0 + rnd.nextLong(span);
      long dwell =
          account.equals("u0") ? 300_000 + rnd.nextInt(9_000) : 5_000 + rnd.nextInt(200_000);
      add(
          ts,
          "{\"type\":\"view\",\"account\":\""
              + account
              + "\",\"shop\":\""
              + shop
              + "\",\"dwell_ms\":"
              + dwell
              + ",\"ts\":"
              + ts(ts)
              + "}");
      order(shop, account, ts + dwell + 5_000);
    }
    for (int i = 0; i < 40 * scale; i++) { // registrations: phones and identities shared in threes
      long ts = T0 + rnd.nextLong(span);
      add(
          ts,
          "{\"type\":\"account\",\"account\":\"u"
              + i
              + "\",\"phone\":\"138"
              + (i / 3)
              + "\",\"identity\":\"id"
              + (i / 4)
              + "\",\"ip\":\"10.0.0."
              + rnd.nextInt(6)
              + "\",\"ts\":"
              + ts(ts)
              + "}");
    }
    for (int shop = 0; shop < 8; shop++) { // merchants and their payment accounts, either first
      long ts = T0 + rnd.nextLong(span);
      add(
          ts,
          "{\"type\":\"account\",\"account\":\"m"
              + shop
              + "\",\"role\":\"merchant\",\"shop\":\"s"
              + shop
              + "\",\"ts\":"
              + ts(ts)
              + "}");
      long linked = T0 + rnd.nextLong(span);
      add(
          linked,
          "{\"type\":\"link\",\"account\":\"m"
              + shop
              + "\",\"payer\":\"pm"
              + shop
              + "\",\"ts\":"
              + ts(linked)
              + "}");
    }
    for (int i = 0; i < 8 * scale; i++) { // cancellations: refunds minutes after the order
      int k = rnd.nextInt(orderTimes.size());
      long ts = orderTimes.get(k) + 60_000L + rnd.nextLong(20 * 60_000L);
      add(
          ts,
          "{\"type\":\"payment\",\"payment\":\"rf"
              + i
              + "\",\"from\":\"pshop\",\"to\":\"pbuyer\",\"amount\":100,\"kind\":\"refund\","
              + "\"order\":\"o"
              + k
              + "\",\"ts\":"
              + ts(ts)
              + "}");
    }
    ring(T0 + 3_600_000L);
    praise(T0 + 3_600_000L);
    diversion(T0 + 2 * 3_600_000L);
    // a staff account registered on a merchant's device, and subsidised campaign orders with the
    // platform's subsidy payments: what the subsidy stages read
    long reg = T0 + rnd.nextLong(span / 3);
    add(
        reg,
        "{\"type\":\"account\",\"account\":\"m9\",\"role\":\"merchant\",\"shop\":\"s9\","
            + "\"device\":\"dev-m9\",\"ts\":"
            + ts(reg)
            + "}");
    add(
        reg + 60_000,
        "{\"type\":\"account\",\"account\":\"st1\",\"role\":\"staff\",\"device\":\"dev-m9\","
            + "\"ts\":"
            + ts(reg + 60_000)
            + "}");
    for (int i = 0; i < 6 * scale; i++) {
      long ts = T0 + rnd.nextLong(span);
      add(
          ts,
          "{\"type\":\"order\",\"order\":\"so"
              + i
              + "\",\"account\":\"u"
              + rnd.nextInt(4)
              + "\",\"shop\":\"s9\",\"item\":\"i1\",\"amount\":1000,\"subsidy\":700,"
              + "\"campaign\":\"camp1\",\"ts\":"
              + ts(ts)
              + "}");
      add(
          ts + 60_000,
          "{\"type\":\"payment\",\"payment\":\"sp"
              + i
              + "\",\"from\":\"pplatform\",\"to\":\"pshop9\",\"amount\":700,"
              + "\"kind\":\"subsidy\",\"order\":\"so"
              + i
              + "\",\"ts\":"
              + ts(ts + 60_000)
              + "}");
    }
    items.sort(Comparator.comparingLong(Item::arrival).thenComparingInt(Item::seq));
    StringBuilder out = new StringBuilder();
    for (Item item : items) {
      int r = rnd.nextInt(100);
      if (r < 4) {
        out.append(BAD[rnd.nextInt(BAD.length)]).append('\n');
      } else if (r < 6) {
        out.append(rnd.nextBoolean() ? "" : " \t ").append('\n');
      }
      out.append(item.json).append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return out.toString();
  }

  private static final Pattern TS = Pattern.compile("\"ts\":(\\d+|\"[^\"]*\")");
  private static final long CENTURIES = Duration.ofDays(365L * 180).toMillis();

  /**
   * {@code text} with every event time moved by {@code shift}: the same market, another day. Both
   * timestamp forms keep their form (and ISO times their offset).
   */
  static String shifted(String text, Duration shift) {
    return TS.matcher(text)
        .replaceAll(
            m -> {
              String v = m.group(1);
              String moved;
              if (!v.startsWith("\"")) {
                moved = Long.toString(Long.parseLong(v) + shift.toMillis());
              } else {
                try {
                  moved =
                      "\""
                          + OffsetDateTime.parse(v.substring(1, v.length() - 1)).plus(shift)
                          + "\"";
                } catch (DateTimeParseException e) {
                  moved = v; // a bad line stays bad
                }
              }
              return Matcher.quoteReplacement("\"ts\":" + moved);
            });
  }

  /**
   * {@code text} with the clock of the given lines (1-based) about 180 years ahead, as a mistyped
   * year (2205 for 2025) or a broken device clock would put them. Lines without a time stay.
   */
  static String withClockErrors(String text, long... lines) {
    List<String> out = new ArrayList<>(text.lines().toList());
    for (long line : lines) {
      int i = (int) line - 1;
      out.set(
          i,
          TS.matcher(out.get(i))
              .replaceAll(
                  m -> {
                    String v = m.group(1);
                    String wrong =
                        v.startsWith("\"")
                            ? v.replaceFirst("^\"2025-", "\"2205-")
                            : Long.toString(Long.parseLong(v) + CENTURIES);
                    return Matcher.quoteReplacement("\"ts\":" + wrong);
                  }));
    }
    return String.join("\n", out) + "\n";
  }

  /** {@code text} without line {@code line} (1-based), its lines ending in LF. */
  static String withoutLine(String text, long line) {
    List<String> out = new ArrayList<>(text.lines().toList());
    out.remove((int) line - 1);
    return String.join("\n", out) + "\n";
  }

  /** The 1-based numbers of the lines that hold a valid order. */
  static List<Long> orderLines(String text) {
    List<String> lines = text.lines().toList();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\{\"type\":\"order\",\"order\":\"o\\d+\".*\\}\\s*")) {
        out.add(i + 1L);
      }
    }
    return out;
  }

  private String shop() {
    return "s" + rnd.nextInt(8);
  }

  private void order(String shop, String account, long ts) {
    orderTimes.add(ts);
    add(
        ts,
        "{\"type\":\"order\",\"order\":\"o"
            + orders++
            + "\",\"account\":\""
            + account
            + "\",\"shop\":\""
            + shop
            + "\",\"item\":\"i"
            + rnd.nextInt(9)
            + "\",\"amount\":"
            + (100 + rnd.nextInt(9000))
            + ",\"device\":\"d"
            + rnd.nextInt(25)
            + "\",\"address\":\"a"
            + rnd.nextInt(15)
            + "\",\"payer\":\"p-"
            + account
            + "\",\"session\":\"ss"
            + (orders - 1)
            + "\",\"ts\":"
            + ts(ts)
            + "}");
    if (rnd.nextInt(3) == 0) { // a parcel, sometimes scanned before the order arrives
      String waybill = "w" + rnd.nextInt(orders + 1); // now and then another order's too
      add(
          ts + rnd.nextLong(30_000) - 10_000,
          "{\"type\":\"logistics\",\"waybill\":\""
              + waybill
              + "\",\"order\":\"o"
              + (orders - 1)
              + "\",\"status\":\"picked_up\",\"weight_g\":"
              + (rnd.nextInt(4) == 0 ? 10 : 300 + rnd.nextInt(500))
              + ",\"ts\":"
              + ts(ts + 5_000)
              + "}");
      long delivered = ts + 600_000L + rnd.nextLong(7_200_000L);
      add(
          delivered,
          "{\"type\":\"logistics\",\"waybill\":\""
              + waybill
              + "\",\"order\":\"o"
              + (orders - 1)
              + "\",\"status\":\"delivered\",\"carrier\":\"SF\",\"location\":\"c"
              + rnd.nextInt(3)
              + "\",\"ts\":"
              + ts(delivered)
              + "}");
    }
  }

  /** Arrival: within ±20 s of event time, or 1 in 30 held back three minutes (late at 1m). */
  private void add(long ts, String json) {
    long delay = rnd.nextInt(30) == 0 ? 180_000 : rnd.nextLong(40_000) - 20_000;
    items.add(new Item(ts + delay, items.size(), json));
  }

  private String ts(long ts) {
    if (rnd.nextBoolean()) {
      return Long.toString(ts);
    }
    Instant t = Instant.ofEpochMilli(ts);
    return "\"" + (rnd.nextBoolean() ? t.toString() : ISO_CST.format(t)) + "\"";
  }

  /**
   * A shop whose ratings jump, so that the rating-shift stage has something to say: 24 middling
   * reviews within the market's hours, then, two days later, 12 five-star reviews within an hour
   * (the clock follows them: more than 8 in a row agree on the new time).
   */
  private void praise(long start) {
    for (int k = 0; k < 24; k++) {
      long ts = start + k * 300_000L + 7;
      add(ts, review("rp" + k, "pa" + k, "sp", 2 + k % 3, ts));
    }
    for (int k = 0; k < 12; k++) {
      long ts = start + 2 * 86_400_000L + 4 * 3_600_000L + k * 300_000L + 7;
      add(ts, review("rq" + k, "pb" + k, "sp", 5, ts));
    }
  }

  /**
   * Diversion spam, so that the contact-spam stage has something to say: two reviews pasting a
   * hotline in disguise, and a listing of a repair "service" with one beside a call to action.
   */
  private void diversion(long start) {
    add(
        start + 11,
        "{\"type\":\"review\",\"review\":\"rs0\",\"account\":\"sp0\",\"shop\":\"s1\","
            + "\"rating\":5,\"text\":\"还行，空调坏了找师傅打4OO-615-0721 点击咨询\",\"ts\":"
            + (start + 11)
            + "}");
    add(
        start + 600_011,
        "{\"type\":\"review\",\"review\":\"rs1\",\"account\":\"sp1\",\"shop\":\"s2\","
            + "\"rating\":5,\"text\":\"同款便宜的加V信 fix6150721\",\"ts\":"
            + (start + 600_011)
            + "}");
    add(
        start + 1_200_011,
        "{\"type\":\"listing\",\"listing\":\"ls0\",\"shop\":\"sx\",\"text\":\"热水器维修电话"
            + " 4006150721 点击咨询 全国上门\",\"ts\":"
            + (start + 1_200_011)
            + "}");
  }

  private String review(String id, String account, String shop, int rating, long ts) {
    return "{\"type\":\"review\",\"review\":\""
        + id
        + "\",\"account\":\""
        + account
        + "\",\"shop\":\""
        + shop
        + "\",\"rating\":"
        + rating
        + ",\"ts\":"
        + ts // epoch millis: no random draw, so the rest of the market is as before
        + "}";
  }

  /**
   * A small group-control ring, so that the velocity stages have something to say: eight new
   * accounts on two phones and two payment accounts order one item within three minutes, review the
   * shop within the hour after, and six of them like one of those reviews within minutes.
   */
  private void ring(long wave) {
    for (int a = 0; a < 8; a++) {
      long ts = wave + rnd.nextLong(180_000L) / 1000 * 1000;
      add(
          ts,
          "{\"type\":\"order\",\"order\":\"og"
              + a
              + "\",\"account\":\"g"
              + a
              + "\",\"shop\":\"s3\",\"item\":\"ig\",\"amount\":990,\"device\":\"dg"
              + a % 2
              + "\",\"payer\":\"pg"
              + a / 4
              + "\",\"ts\":"
              + ts(ts)
              + "}");
      long reviewed = wave + 3_600_000L + rnd.nextLong(1_800_000L);
      add(
          reviewed,
          "{\"type\":\"review\",\"review\":\"rg"
              + a
              + "\",\"account\":\"g"
              + a
              + "\",\"shop\":\"s3\",\"rating\":5,\"order\":\"og"
              + a
              + "\",\"device\":\"dg"
              + a % 2
              + "\",\"ip\":\"10.9.9.1\",\"images\":[\""
              + (a % 2 == 0 ? "9f3a5c7e1b2d4f60" : "9f3a5c7e1b2d4f6" + a)
              + "\"],\"ts\":"
              + ts(reviewed)
              + "}");
    }
    for (int a = 2; a < 8; a++) {
      long liked = wave + 5_400_000L + rnd.nextLong(600_000L);
      add(
          liked,
          "{\"type\":\"like\",\"account\":\"g"
              + a
              + "\",\"review\":\"rg0\",\"device\":\"dg"
              + a % 2
              + "\",\"ip\":\"10.9.9.1\",\"ts\":"
              + ts(liked)
              + "}");
    }
  }
}
