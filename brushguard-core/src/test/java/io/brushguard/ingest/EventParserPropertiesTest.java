package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.brushguard.event.Event;
import io.brushguard.event.InvalidEventException;
import io.brushguard.event.Like;
import io.brushguard.event.Login;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Properties of the parser over many seeded random inputs. Each trial has its own seed, printed on
 * failure, so a failing case replays exactly.
 *
 * <p>These are plain JUnit loops rather than jqwik properties: see the report of the commit that
 * added them (jqwik 1.10 prints a message addressed to AI agents on every run).
 */
class EventParserPropertiesTest {
  private static final int TRIALS = 20_000;

  /** Valid lines covering every type, nesting, escapes, non-ASCII text and both ts forms. */
  static final List<String> CORPUS =
      List.of(
          "{\"type\":\"account\",\"account\":\"a1\",\"ts\":\"2025-03-01T20:15:00+08:00\","
              + "\"role\":\"merchant\",\"shop\":\"s1\",\"phone\":\"13800000000\",\"device\":\"d1\"}",
          "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1740831300000,\"ip\":\"1.2.3.4\"}",
          "{\"type\":\"search\",\"account\":\"买家\",\"query\":\"蓝牙耳机\",\"ts\":\"2025-03-01T12:15:00Z\"}",
          "{\"type\":\"view\",\"account\":\"a1\",\"shop\":\"s1\",\"ts\":1740831300000,"
              + "\"dwell_ms\":360000,\"item\":\"i1\"}",
          "{\"type\":\"order\",\"order\":31076582227611,\"account\":\"a1\",\"shop\":\"s1\","
              + "\"item\":\"i1\",\"amount\":19900,\"ts\":\"2025-03-01T12:15:00.123Z\","
              + "\"quantity\":2,\"payer\":\"p1\",\"subsidy\":500}",
          "{\"type\":\"payment\",\"payment\":\"pay1\",\"from\":\"pa\",\"to\":\"pb\",\"amount\":888,"
              + "\"ts\":1740831300000,\"kind\":\"red_packet\",\"memo\":\"返现\\u0021\"}",
          "{\"type\":\"link\",\"account\":\"a1\",\"payer\":\"p1\",\"ts\":1000000000000}",
          "{\"type\":\"logistics\",\"waybill\":\"w1\",\"order\":\"o1\",\"status\":\"delivered\","
              + "\"ts\":1740831300000,\"weight_g\":12}",
          "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"a1\",\"shop\":\"s1\",\"rating\":5,"
              + "\"ts\":1740831300000,\"text\":\"超赞！\\n物美价廉 \\ud83d\\ude00 \\\"好\\\"\","
              + "\"images\":[\"ab12\",\"cd34\"]}",
          "{\"type\":\"like\",\"account\":\"a1\",\"review\":\"r1\",\"ts\":1740831300000}",
          "{\"type\":\"listing\",\"listing\":\"l1\",\"shop\":\"s1\",\"text\":\"点击咨询\","
              + "\"ts\":1740831300000,\"title\":\"正品\"}",
          "{\"type\":\"report\",\"report\":\"rp1\",\"reporter\":\"a9\",\"target_kind\":\"shop\","
              + "\"target\":\"s1\",\"ts\":1740831300000,\"category\":\"spam\","
              + "\"attachments\":[{\"kind\":\"screenshot\",\"sha256\":\"ab\",\"name\":\"1.png\"}]}",
          "{\"type\":\"spot_check\",\"check\":\"c1\",\"shop\":\"s1\",\"kind\":\"quality\","
              + "\"result\":\"fail\",\"ts\":1740831300000,\"extra\":{\"a\":[1,2.5,null,true]}}");

  /** Bytes that matter to the scanner, favoured when a byte is replaced or inserted. */
  private static final byte[] INTERESTING =
      "\"\\{}[],:0123456789-.eEutfnlr \t\r\n'".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] HIGH = {
    (byte) 0x80,
    (byte) 0xBF,
    (byte) 0xC0,
    (byte) 0xC3,
    (byte) 0xE4,
    (byte) 0xED,
    (byte) 0xF0,
    (byte) 0xF4,
    (byte) 0xF5,
    (byte) 0xFF
  };

  @Test
  void corpus_parses() {
    EventParser parser = new EventParser();
    for (String line : CORPUS) {
      assertThat(parser.parse(line)).as(line).isNotNull();
    }
  }

  @Test
  void mutatedLines_neverThrowAnythingButInvalidEvent_andParseAlikeInAFreshParser() {
    EventParser reused = new EventParser();
    int parsed = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Random rnd = new Random(trial);
      byte[] line = mutate(CORPUS.get(rnd.nextInt(CORPUS.size())), rnd);
      Event event;
      try {
        event = reused.parse(line, 0, line.length);
      } catch (InvalidEventException e) {
        if (e.getMessage() == null || e.getMessage().length() > 400) {
          fail("seed " + trial + ": bad message " + e.getMessage() + " for " + show(line));
        }
        continue;
      } catch (Throwable t) {
        throw new AssertionError("seed " + trial + ": " + t + " for " + show(line), t);
      }
      parsed++;
      // no state leaks from earlier (often rejected) lines into this one
      assertThat(new EventParser().parse(line, 0, line.length))
          .as(seed(trial, line))
          .isEqualTo(event);
    }
    // the mutations are not so gentle that everything still parses, nor so harsh that nothing does
    assertThat(parsed).isBetween(TRIALS / 50, TRIALS - TRIALS / 5);
  }

  @Test
  void generatedEvents_roundTripTheirKeyFields() {
    EventParser parser = new EventParser();
    for (int trial = 0; trial < TRIALS / 4; trial++) {
      Random rnd = new Random(trial);
      Generated g = generate(rnd);
      Event parsed;
      try {
        parsed = parser.parse(g.line);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + trial + ": " + e.getMessage() + " for " + g.line, e);
      }
      assertThat(parsed).as(seed(trial, g.line)).usingRecursiveComparison().isEqualTo(g.expected);
    }
  }

  // ---- mutation ----

  static byte[] mutate(String valid, Random rnd) {
    byte[] b = valid.getBytes(StandardCharsets.UTF_8);
    int mutations = 1 + rnd.nextInt(3);
    for (int m = 0; m < mutations && b.length > 0; m++) {
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(6)) {
        case 0 -> b = Arrays.copyOf(b, at); // truncation
        case 1 -> b[at] = randomByte(rnd); // replacement
        case 2 -> b[at] ^= (byte) (1 << rnd.nextInt(8)); // bit flip
        case 3 -> { // deletion of a short run
          int len = Math.min(1 + rnd.nextInt(4), b.length - at);
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
        }
        case 4 -> { // insertion
          byte[] out = new byte[b.length + 1];
          System.arraycopy(b, 0, out, 0, at);
          out[at] = randomByte(rnd);
          System.arraycopy(b, at, out, at + 1, b.length - at);
          b = out;
        }
        default -> { // duplication of a short run
          int len = Math.min(1 + rnd.nextInt(8), b.length - at);
          byte[] out = new byte[b.length + len];
          System.arraycopy(b, 0, out, 0, at + len);
          System.arraycopy(b, at, out, at + len, b.length - at);
          b = out;
        }
      }
    }
    return b;
  }

  private static byte randomByte(Random rnd) {
    return switch (rnd.nextInt(3)) {
      case 0 -> INTERESTING[rnd.nextInt(INTERESTING.length)];
      case 1 -> HIGH[rnd.nextInt(HIGH.length)];
      default -> (byte) rnd.nextInt(256);
    };
  }

  private static String show(byte[] line) {
    return new String(line, StandardCharsets.UTF_8)
        + " (hex "
        + HexFormat.of().formatHex(line)
        + ")";
  }

  // ---- generation ----

  record Generated(String line, Event expected) {}

  static Generated generate(Random rnd) {
    long ts = // from 2000 to 9999-12-31
        Timestamps.MIN_MILLIS
            + (rnd.nextLong() >>> 1) % (Timestamps.MAX_MILLIS - Timestamps.MIN_MILLIS + 1);
    String tsJson = Long.toString(ts);
    if (rnd.nextBoolean()) {
      String iso = TimestampsPropertiesTest.iso(ts, rnd);
      ts = OffsetDateTime.parse(iso).toInstant().toEpochMilli(); // the text may be less precise
      tsJson = quote(iso, rnd);
    }
    List<String> fields = new ArrayList<>();
    Event expected;
    switch (rnd.nextInt(5)) {
      case 0 -> {
        String order = id(rnd);
        String account = id(rnd);
        String shop = id(rnd);
        String item = id(rnd);
        long amount = rnd.nextInt(4) == 0 ? Long.MAX_VALUE : (rnd.nextLong() >>> 1) % 10_000_000;
        int quantity = 1 + rnd.nextInt(1000);
        String payer = rnd.nextBoolean() ? id(rnd) : null;
        String address = rnd.nextBoolean() ? text(rnd) : null;
        fields.add(field("type", quote("order", rnd)));
        fields.add(field("order", quote(order, rnd)));
        fields.add(field("account", quote(account, rnd)));
        fields.add(field("shop", quote(shop, rnd)));
        fields.add(field("item", quote(item, rnd)));
        fields.add(field("amount", Long.toString(amount)));
        fields.add(field("quantity", Integer.toString(quantity)));
        fields.add(field("payer", payer == null ? "null" : quote(payer, rnd)));
        if (address != null) {
          fields.add(field("address", quote(address, rnd)));
        }
        expected =
            new Order(
                order, account, shop, item, amount, ts, quantity, null, null, null, address, payer,
                0, null, null);
      }
      case 1 -> {
        String review = id(rnd);
        String account = id(rnd);
        String shop = id(rnd);
        int rating = 1 + rnd.nextInt(5);
        String text = text(rnd);
        List<String> images = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
          images.add(Long.toHexString(rnd.nextLong()));
        }
        fields.add(field("type", quote("review", rnd)));
        fields.add(field("review", quote(review, rnd)));
        fields.add(field("account", quote(account, rnd)));
        fields.add(field("shop", quote(shop, rnd)));
        fields.add(field("rating", Integer.toString(rating)));
        fields.add(field("text", quote(text, rnd)));
        StringBuilder arr = new StringBuilder("[");
        for (int i = 0; i < images.size(); i++) {
          arr.append(i == 0 ? "" : ",").append(ws(rnd)).append(quote(images.get(i), rnd));
        }
        fields.add(field("images", arr.append(ws(rnd)).append(']').toString()));
        expected =
            new Review(review, account, shop, rating, ts, null, null, text, images, null, null);
      }
      case 2 -> {
        String payment = id(rnd);
        String from = id(rnd);
        String to = id(rnd);
        long amount = (rnd.nextLong() >>> 1) % 100_000;
        Payment.Kind kind = Payment.Kind.values()[rnd.nextInt(Payment.Kind.values().length)];
        String memo = text(rnd);
        fields.add(field("type", quote("payment", rnd)));
        fields.add(field("payment", quote(payment, rnd)));
        fields.add(field("from", quote(from, rnd)));
        fields.add(field("to", quote(to, rnd)));
        fields.add(field("amount", Long.toString(amount)));
        fields.add(field("kind", quote(kind.name().toLowerCase(java.util.Locale.ROOT), rnd)));
        fields.add(field("memo", quote(memo, rnd)));
        expected = new Payment(payment, from, to, amount, ts, kind, null, memo, null);
      }
      case 3 -> {
        String account = id(rnd);
        String device = rnd.nextBoolean() ? text(rnd) : null;
        fields.add(field("type", quote("login", rnd)));
        fields.add(field("account", quote(account, rnd)));
        fields.add(field("device", device == null ? "null" : quote(device, rnd)));
        expected = new Login(account, ts, device, null);
      }
      default -> {
        long account = (rnd.nextLong() >>> 1) % 1_000_000_000_000L;
        String review = id(rnd);
        fields.add(field("type", quote("like", rnd)));
        fields.add(field("account", Long.toString(account))); // a numeric id
        fields.add(field("review", quote(review, rnd)));
        expected = new Like(Long.toString(account), review, ts, null, null);
      }
    }
    fields.add(field("ts", tsJson));
    for (int i = rnd.nextInt(3); i > 0; i--) {
      fields.add(field("x_" + i, unknownValue(rnd))); // forward-compatible extras
    }
    java.util.Collections.shuffle(fields, rnd);
    StringBuilder line = new StringBuilder().append(ws(rnd)).append('{');
    for (int i = 0; i < fields.size(); i++) {
      line.append(i == 0 ? "" : ",").append(ws(rnd)).append(fields.get(i)).append(ws(rnd));
    }
    line.append('}').append(ws(rnd));
    return new Generated(line.toString(), expected);
  }

  private static String field(String name, String json) {
    return "\"" + name + "\":" + json;
  }

  private static String unknownValue(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> "{\"a\":[1,-2.5e3,null,true,false,{\"b\":\"\\u00e9\"}]}";
      case 1 -> "[]";
      case 2 -> Double.toString(rnd.nextGaussian());
      case 3 -> "\"" + "z".repeat(rnd.nextInt(300)) + "\"";
      default -> "null";
    };
  }

  private static String ws(Random rnd) {
    return rnd.nextInt(4) == 0 ? " \t".substring(0, 1 + rnd.nextInt(2)) : "";
  }

  /** A valid id: 1 to 128 code points, mixing ASCII, Chinese, emoji and characters to escape. */
  /** Ids may hold anything but control characters (the contract rejects those). */
  static String id(Random rnd) {
    int n = rnd.nextInt(10) == 0 ? 128 : 1 + rnd.nextInt(12);
    StringBuilder sb = new StringBuilder();
    codePoints(rnd, n)
        .codePoints()
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '_' : c));
    return sb.toString();
  }

  static String text(Random rnd) {
    return codePoints(rnd, rnd.nextInt(40));
  }

  private static String codePoints(Random rnd, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int cp =
          switch (rnd.nextInt(6)) {
            case 0 -> 0x4E00 + rnd.nextInt(0x5000); // CJK
            case 1 -> 0x1F600 + rnd.nextInt(0x50); // emoji (surrogate pairs in UTF-16)
            case 2 -> "\"\\/\b\f\n\r\t\u0001\u007f".charAt(rnd.nextInt(10));
            case 3 -> 0x80 + rnd.nextInt(0x780); // 2-byte UTF-8
            default -> 'a' + rnd.nextInt(26);
          };
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /** A JSON string literal, escaping what must be and, at random, some of what may be. */
  static String quote(String s, Random rnd) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
      int cp = s.codePointAt(i);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '/' -> sb.append(rnd.nextBoolean() ? "\\/" : "/");
        default -> {
          if (cp < 0x20 || rnd.nextInt(5) == 0) {
            for (char unit : Character.toChars(cp)) { // a supplementary character: both halves
              sb.append("\\u").append(HexFormat.of().toHexDigits(unit));
            }
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A failure description, built only on failure. */
  static Supplier<String> seed(int trial, Object input) {
    return () ->
        "seed " + trial + ": " + (input instanceof byte[] b ? show(b) : String.valueOf(input));
  }
}
