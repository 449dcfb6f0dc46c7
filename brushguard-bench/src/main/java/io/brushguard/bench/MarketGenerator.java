package io.brushguard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A small, fast stand-in for the marketplace simulator, for benchmarks only: a stream of event
 * lines in the input contract (docs/events), in event-time order with a little jitter, with
 * realistic field shapes and key cardinalities. It makes no claim about detection quality; for that
 * use the simulator ({@code io.brushguard.sim}).
 *
 * <p>Mix (by line): views 40 %, searches 14 %, orders 14 %, payments 13 %, reviews 7 % (Chinese
 * text, some with image hashes), likes 4 %, logins 4 %, logistics scans 3 %, account registrations
 * 1 %, and a trace of listings, reports and spot checks. About one order in a thousand starts a
 * brushing burst (one buyer, three to six orders at a small shop within 50 minutes), so the
 * concentration detector has work to do. Two events in a hundred arrive up to three minutes late
 * (inside the default ten-minute bound); one in 100,000 is 20 minutes late and one in 200,000 is a
 * malformed line, so the late and reject paths are exercised too.
 *
 * <p>Cardinalities for {@code n} events: {@code n / 25} accounts, {@code n / 400} shops (at least
 * 1,000 and 100), 30 items a shop; shops and buyers drawn by a Zipf law. Event time spans {@link
 * Config#days} days whatever {@code n}, so larger runs are denser, as a larger platform is.
 *
 * <p>Deterministic for a seed. Memory: a few hundred bytes per pending burst and two rings of 4,096
 * recent ids.
 */
public final class MarketGenerator {

  /** Size and shape of a stream. */
  public record Config(long events, int days, long seed) {
    public Config {
      if (events < 1 || days < 1) {
        throw new IllegalArgumentException("need events >= 1 and days >= 1");
      }
    }

    public static Config of(long events) {
      return new Config(events, 2, 42);
    }
  }

  private static final long START_MILLIS =
      LocalDateTime.of(2025, 3, 1, 0, 0).toEpochSecond(ZoneOffset.ofHours(8)) * 1000;

  static final String[] QUERIES = {
    "保温杯 316不锈钢", "连衣裙 夏季 新款", "蓝牙耳机 降噪", "iphone 15 手机壳", "猫粮 成猫 10kg",
    "儿童 书包 护脊", "空气炸锅", "running shoes men", "口红 哑光", "笔记本电脑 轻薄",
  };
  static final String[] REVIEW_TEXTS = {
    "超赞！物美价廉，五星好评",
    "物流很快，包装完好，宝贝和描述一致，会回购的",
    "质量一般，有点失望，客服态度还可以",
    "东西收到了，和图片一样，很喜欢😊",
    "非常好非常好非常好，强烈推荐给大家！！！",
    "尺码偏小，建议买大一号。面料舒服。",
    "Good quality, fast delivery, will buy again",
    "用了一个星期才来评价，效果不错，性价比高",
    "差评！收到是坏的，联系卖家不理人",
    "宝贝很好，卖家发货速度快，五星",
  };
  private static final String[] KINDS = {"order", "order", "order", "red_packet", "transfer"};
  private static final String[] STATUSES = {"created", "picked_up", "in_transit", "delivered"};

  private final Config config;
  private final SplittableRandom rnd;
  private final int accounts;
  private final int shops;
  private final Zipf shopPick;
  private final Zipf buyerPick;
  private final double meanGapMillis;
  private final PriorityQueue<long[]> bursts =
      new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  private final long[] recentOrders = new long[4096]; // order number << 20 | shop index
  private final long[] recentBuyers = new long[4096];
  private final long[] recentReviews = new long[4096];
  private double clock = START_MILLIS;
  private long produced;
  private long orderSeq;
  private long paymentSeq;
  private long reviewSeq;
  private long otherSeq;

  public MarketGenerator(Config config) {
    this.config = config;
    this.rnd = new SplittableRandom(config.seed());
    this.accounts = (int) Math.max(1_000, config.events() / 25);
    this.shops = (int) Math.max(100, config.events() / 400);
    this.shopPick = new Zipf(shops, 0.9, 5);
    this.buyerPick = new Zipf(accounts, 0.5, 10);
    this.meanGapMillis = config.days() * 86_400_000.0 / config.events();
  }

  /** Whether more events remain. */
  public boolean hasNext() {
    return produced < config.events();
  }

  /** Appends the next event line (no newline) to {@code sb}. */
  public void next(StringBuilder sb) {
    produced++;
    clock += -Math.log(1 - rnd.nextDouble()) * meanGapMillis;
    long now = (long) clock;
    long[] burst = bursts.peek();
    if (burst != null && burst[0] <= now) {
      bursts.poll();
      order(sb, burst[0], (int) burst[1], burst[2]);
      if (burst[3] > 1) {
        bursts.add(
            new long[] {
              burst[0] + 60_000 + rnd.nextLong(720_000), burst[1], burst[2], burst[3] - 1
            });
      }
      return;
    }
    if (produced % 200_000 == 100_000) {
      sb.append("{\"type\":\"order\",\"order\":\"o-broken\",\"amount\":"); // truncated line
      return;
    }
    long ts = now;
    int jitter = rnd.nextInt(100_000);
    if (jitter < 2_000) {
      ts -= rnd.nextLong(180_000);
    } else if (jitter == 2_000) {
      ts -= 20 * 60_000;
    }
    int r = rnd.nextInt(1000);
    if (r < 400) {
      view(sb, ts);
    } else if (r < 540) {
      search(sb, ts);
    } else if (r < 680) {
      if (rnd.nextInt(1000) == 0) {
        int shop = shops / 4 + rnd.nextInt(shops - shops / 4);
        long buyer = buyer();
        bursts.add(
            new long[] {ts + 30_000 + rnd.nextLong(300_000), shop, buyer, 2 + rnd.nextInt(4)});
        order(sb, ts, shop, buyer);
      } else {
        order(sb, ts, shop(), buyer());
      }
    } else if (r < 810) {
      payment(sb, ts);
    } else if (r < 880) {
      review(sb, ts);
    } else if (r < 920) {
      like(sb, ts);
    } else if (r < 960) {
      login(sb, ts);
    } else if (r < 990) {
      logistics(sb, ts);
    } else if (r < 997) {
      account(sb, ts);
    } else if (r < 998) {
      listing(sb, ts);
    } else if (r < 999) {
      report(sb, ts);
    } else {
      spotCheck(sb, ts);
    }
  }

  /** Generates {@code n} lines into memory (for micro-benchmarks). */
  public static List<String> lines(Config config) {
    MarketGenerator g = new MarketGenerator(config);
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder(256);
    while (g.hasNext()) {
      sb.setLength(0);
      g.next(sb);
      out.add(sb.toString());
    }
    return out;
  }

  /** Writes all events as JSON Lines. */
  public void write(Writer w) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    while (hasNext()) {
      next(sb);
      sb.append('\n');
      if (sb.length() > 60_000) {
        w.append(sb);
        sb.setLength(0);
      }
    }
    w.append(sb);
  }

  /** Writes all events to a file. */
  public void write(Path path) throws IOException {
    try (OutputStream out = Files.newOutputStream(path);
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(w);
    }
  }

  /** {@code MarketGenerator FILE [events [seed]]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: MarketGenerator FILE [events [seed]]");
      System.exit(2);
    }
    long n = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    long t0 = System.nanoTime();
    new MarketGenerator(new Config(n, 2, seed)).write(Path.of(args[0]));
    System.err.printf(
        "wrote %,d events to %s in %.1f s%n", n, args[0], (System.nanoTime() - t0) / 1e9);
  }

  private int shop() {
    return shopPick.rank(rnd.nextDouble());
  }

  private long buyer() {
    return buyerPick.rank(rnd.nextDouble());
  }

  // ---- event shapes ----

  private void view(StringBuilder sb, long ts) {
    int shop = shop();
    long buyer = buyer();
    sb.append("{\"type\":\"view\",\"account\":\"u").append(buyer);
    sb.append("\",\"shop\":\"s").append(shop);
    sb.append("\",\"item\":\"i").append(shop).append('-').append(rnd.nextInt(30));
    sb.append("\",\"ts\":");
    ts(sb, ts);
    sb.append(",\"dwell_ms\":").append(500 + rnd.nextInt(400_000));
    sb.append(",\"session\":\"ss").append(buyer).append('-').append(ts / 3_600_000).append('"');
    if (rnd.nextInt(3) == 0) {
      sb.append(",\"query\":\"").append(QUERIES[rnd.nextInt(QUERIES.length)]).append('"');
    }
    sb.append('}');
  }

  private void search(StringBuilder sb, long ts) {
    long buyer = buyer();
    sb.append("{\"type\":\"search\",\"account\":\"u").append(buyer);
    sb.append("\",\"query\":\"").append(QUERIES[rnd.nextInt(QUERIES.length)]);
    sb.append("\",\"ts\":");
    ts(sb, ts);
    device(sb, buyer);
    sb.append('}');
  }

  private void order(StringBuilder sb, long ts, int shop, long buyer) {
    long id = ++orderSeq;
    recentOrders[(int) (id & 4095)] = id << 20 | shop;
    recentBuyers[(int) (id & 4095)] = buyer;
    sb.append("{\"type\":\"order\",\"order\":\"o").append(id);
    sb.append("\",\"account\":\"u").append(buyer);
    sb.append("\",\"shop\":\"s").append(shop);
    sb.append("\",\"item\":\"i").append(shop).append('-').append(rnd.nextInt(30));
    sb.append("\",\"amount\":").append(100 + rnd.nextInt(50_000));
    sb.append(",\"ts\":");
    ts(sb, ts);
    if (rnd.nextInt(10) == 0) {
      sb.append(",\"quantity\":").append(2 + rnd.nextInt(3));
    }
    device(sb, buyer);
    sb.append(",\"address\":\"h:").append(Long.toHexString(buyer * 0x9E3779B97F4A7C15L >>> 40));
    sb.append("\",\"payer\":\"pa-u").append(buyer).append('"');
    if (rnd.nextInt(20) == 0) {
      sb.append(",\"subsidy\":").append(100 + rnd.nextInt(2_000));
      sb.append(",\"campaign\":\"cny2025\"");
    }
    sb.append('}');
  }

  private void payment(StringBuilder sb, long ts) {
    int slot = rnd.nextInt(4096);
    long o = recentOrders[slot] >>> 20;
    long shop = recentOrders[slot] & 0xFFFFF;
    long buyer = recentBuyers[slot];
    String kind = KINDS[rnd.nextInt(KINDS.length)];
    boolean toBuyer = !kind.equals("order");
    sb.append("{\"type\":\"payment\",\"payment\":\"p").append(++paymentSeq);
    sb.append("\",\"from\":\"").append(toBuyer ? "pm-s" : "pa-u").append(toBuyer ? shop : buyer);
    sb.append("\",\"to\":\"").append(toBuyer ? "pa-u" : "pm-s").append(toBuyer ? buyer : shop);
    sb.append("\",\"amount\":")
        .append(toBuyer ? 100 + rnd.nextInt(3_000) : 100 + rnd.nextInt(50_000));
    sb.append(",\"kind\":\"").append(kind).append('"');
    if (o > 0) {
      sb.append(",\"order\":\"o").append(o).append('"');
    }
    if (kind.equals("red_packet")) {
      sb.append(",\"memo\":\"好评返现\"");
    }
    sb.append(",\"ts\":");
    ts(sb, ts);
    sb.append('}');
  }

  private void review(StringBuilder sb, long ts) {
    int slot = rnd.nextInt(4096);
    long o = recentOrders[slot] >>> 20;
    long shop = o > 0 ? recentOrders[slot] & 0xFFFFF : shop();
    long buyer = o > 0 ? recentBuyers[slot] : buyer();
    long id = ++reviewSeq;
    recentReviews[(int) (id & 4095)] = id;
    int rating = rnd.nextInt(10) < 7 ? 5 : 1 + rnd.nextInt(4);
    sb.append("{\"type\":\"review\",\"review\":\"r").append(id);
    sb.append("\",\"account\":\"u").append(buyer);
    sb.append("\",\"shop\":\"s").append(shop).append('"');
    if (o > 0) {
      sb.append(",\"order\":\"o").append(o).append('"');
    }
    sb.append(",\"rating\":").append(rating);
    sb.append(",\"text\":\"").append(REVIEW_TEXTS[rnd.nextInt(REVIEW_TEXTS.length)]).append('"');
    if (rnd.nextInt(20) == 0) {
      sb.append(",\"images\":[\"").append(Long.toHexString(rnd.nextLong()));
      sb.append("\",\"").append(Long.toHexString(rnd.nextLong())).append("\"]");
    }
    sb.append(",\"ts\":");
    ts(sb, ts);
    device(sb, buyer);
    sb.append('}');
  }

  private void like(StringBuilder sb, long ts) {
    long review = Math.max(1, recentReviews[rnd.nextInt(4096)]);
    sb.append("{\"type\":\"like\",\"account\":\"u").append(buyer());
    sb.append("\",\"review\":\"r").append(review).append("\",\"ts\":");
    ts(sb, ts);
    sb.append('}');
  }

  private void login(StringBuilder sb, long ts) {
    long buyer = buyer();
    sb.append("{\"type\":\"login\",\"account\":\"u").append(buyer).append("\",\"ts\":");
    ts(sb, ts);
    device(sb, buyer);
    sb.append('}');
  }

  private void logistics(StringBuilder sb, long ts) {
    long o = Math.max(1, recentOrders[rnd.nextInt(4096)] >>> 20);
    sb.append("{\"type\":\"logistics\",\"waybill\":\"SF").append(1_000_000_000L + o);
    sb.append("\",\"order\":\"o").append(o);
    sb.append("\",\"status\":\"").append(STATUSES[rnd.nextInt(STATUSES.length)]);
    sb.append("\",\"ts\":");
    ts(sb, ts);
    sb.append(",\"carrier\":\"sf\",\"location\":\"").append(310_000 + rnd.nextInt(100) * 100);
    sb.append("\",\"weight_g\":").append(5 + rnd.nextInt(3_000)).append('}');
  }

  private void account(StringBuilder sb, long ts) {
    long id = accounts + ++otherSeq;
    sb.append("{\"type\":\"account\",\"account\":\"u").append(id).append("\",\"ts\":");
    ts(sb, ts);
    sb.append(",\"phone\":\"h:").append(Long.toHexString(id * 0xC2B2AE3D27D4EB4FL >>> 16));
    sb.append('"');
    device(sb, id);
    sb.append('}');
  }

  private void listing(StringBuilder sb, long ts) {
    int shop = shop();
    sb.append("{\"type\":\"listing\",\"listing\":\"l").append(++otherSeq);
    sb.append("\",\"shop\":\"s").append(shop);
    sb.append("\",\"text\":\"正品保证 七天无理由退换 全国包邮\",\"title\":\"");
    sb.append(QUERIES[rnd.nextInt(QUERIES.length)]).append("\",\"ts\":");
    ts(sb, ts);
    sb.append('}');
  }

  private void report(StringBuilder sb, long ts) {
    sb.append("{\"type\":\"report\",\"report\":\"rp").append(++otherSeq);
    sb.append("\",\"reporter\":\"u").append(buyer());
    sb.append("\",\"target_kind\":\"shop\",\"target\":\"s").append(shop());
    sb.append("\",\"category\":\"cashback_invite\",\"text\":\"卖家说好评返现5元\",\"ts\":");
    ts(sb, ts);
    sb.append(",\"attachments\":[{\"kind\":\"screenshot\",\"sha256\":\"");
    sb.append(Long.toHexString(rnd.nextLong())).append("\",\"name\":\"chat.png\"}]}");
  }

  private void spotCheck(StringBuilder sb, long ts) {
    sb.append("{\"type\":\"spot_check\",\"check\":\"c").append(++otherSeq);
    sb.append("\",\"shop\":\"s").append(shop());
    sb.append("\",\"kind\":\"quality\",\"result\":\"")
        .append(rnd.nextInt(5) == 0 ? "fail" : "pass");
    sb.append("\",\"ts\":");
    ts(sb, ts);
    sb.append('}');
  }

  private void device(StringBuilder sb, long account) {
    long d = account % 7 == 0 ? account / 7 : account; // some devices shared by a few accounts
    sb.append(",\"device\":\"d-").append(Long.toHexString(d * 0x9E3779B97F4A7C15L >>> 36));
    sb.append("\",\"ip\":\"10.").append((d >> 16) & 255).append('.').append((d >> 8) & 255);
    sb.append('.').append(d & 255).append('"');
  }

  /** Four in five as ISO-8601 with +08:00, one in five as epoch milliseconds. */
  private void ts(StringBuilder sb, long millis) {
    if (rnd.nextInt(5) == 0) {
      sb.append(millis);
      return;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.ofHours(8));
    sb.append('"').append(t.getYear()).append('-');
    two(sb, t.getMonthValue()).append('-');
    two(sb, t.getDayOfMonth()).append('T');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond()).append("+08:00\"");
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
