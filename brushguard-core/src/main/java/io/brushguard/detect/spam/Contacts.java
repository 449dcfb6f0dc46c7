package io.brushguard.detect.spam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text carries off the platform: phone numbers, WeChat and QQ ids, URLs, in the disguises
 * spammers use; calls to action; place-name stuffing.
 *
 * <p><b>Reading.</b> At most {@value #MAX_CHARS} chars (the rest ignored). Full-width digits read
 * as digits; NFKC folds full-width letters for the ids and links; case is folded; Chinese numerals
 * (零〇一二三四五六七八九, 幺 for 1) read as digits, and O, o, l, I read as 0 and 1 between digits. A phone
 * number is a run of digits that may be broken by up to three separators at a time (spaces, dashes,
 * dots, slashes, asterisks, emoji, any symbol): {@code 400-8O8-1234}, {@code 4 0 0 8 0 8 1 2 3 4},
 * {@code 四零零·八零八·一二三四}. A run counts as a contact when it is a 400 or 800 service number (10
 * digits) or a mainland mobile (11 digits, 13 to 19): sizes, prices, dates and model numbers
 * (iPhone 15 Pro 256G, 2025-03-01) are shorter or of another shape. A QQ id is 5 to 11 digits after
 * QQ, 扣扣 or 企鹅; a WeChat id is a letter-led id or a number after 微信, 薇信, 威信, V信, VX, WX, 加V, 加微 or
 * wechat. URLs: a scheme, {@code www.}, or a host with a common top-level domain; short links
 * (t.cn, dwz.cn, url.cn, bit.ly…) too.
 *
 * <p>Place names: Han words of one to four characters ending in 省, 市, 县, 区 or 镇, counted (no
 * gazetteer: a list of 40 counties reads as 40 of them).
 */
public final class Contacts {
  public static final int MAX_CHARS = 20_000;
  private static final String NUMERALS = "零〇一二三四五六七八九";
  private static final Pattern WECHAT =
      Pattern.compile(
          "(?:微信|薇信|威信|v信|vx|wx|加v|加微|weixin|wechat)[号:：\\s]*(?:是|为)?[:：\\s]*([a-z][a-z0-9_-]{4,19}|\\d{6,11})");
  private static final Pattern QQ = Pattern.compile("(?:qq|扣扣|企鹅)[号:：\\s]*(\\d{5,11})");
  private static final Pattern URL =
      Pattern.compile(
          "(?:https?://|www\\.)[a-z0-9./?=&_%-]+"
              + "|\\b(?:t\\.cn|dwz\\.cn|url\\.cn|bit\\.ly|suo\\.im|t\\.co)/[a-z0-9_-]+"
              + "|\\b[a-z0-9-]{2,30}\\.(?:com|cn|net|cc|top|xyz|vip|me|io|ly|gl|club|shop|site)\\b(?:/[a-z0-9._-]*)?");
  private static final Pattern PLACE = Pattern.compile("\\p{IsHan}{1,4}?[省市县区镇]");
  private static final String[] CALLS = {
    "点击咨询", "加微信", "加我微信", "联系客服", "咨询热线", "拨打", "致电", "详询", "私聊", "私信我", "联系电话", "维修电话", "售后电话",
    "报修", "预约上门", "加v", "加vx", "加q"
  };

  private Contacts() {}

  /** The kind of a contact. */
  public enum Kind {
    SERVICE_NUMBER,
    MOBILE,
    WECHAT,
    QQ,
    URL
  }

  /**
   * One contact found.
   *
   * @param kind what it is
   * @param value its canonical form (digits only for numbers; lower case)
   * @param disguised written to slip past a filter (separators, look-alikes, numerals, full width)
   */
  public record Contact(Kind kind, String value, boolean disguised) {
    /** The value with its middle masked, for evidence that is safe to show. */
    public String masked() {
      if (value.length() <= 4) {
        return value;
      }
      int keep = Math.max(2, value.length() / 4);
      return value.substring(0, keep)
          + "*".repeat(value.length() - 2 * keep)
          + value.substring(value.length() - keep);
    }
  }

  /**
   * What one text carries.
   *
   * @param contacts the contacts, in order, without repeats
   * @param calls calls to action found (点击咨询, 加微信…)
   * @param places place names counted
   * @param serviceLines phrases such as 维修电话, 售后电话, 客服热线
   */
  public record Found(List<Contact> contacts, int calls, int places, int serviceLines) {
    public boolean isEmpty() {
      return contacts.isEmpty() && places == 0 && calls == 0;
    }
  }

  /** Reads {@code text}; null or empty reads as nothing. */
  public static Found in(String text) {
    if (text == null || text.isEmpty()) {
      return new Found(List.of(), 0, 0, 0);
    }
    String raw = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<Contact> out = new ArrayList<>(2);
    numbers(raw.toLowerCase(Locale.ROOT), out);
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    Matcher m = WECHAT.matcher(s);
    while (m.find()) {
      add(out, new Contact(Kind.WECHAT, m.group(1), false));
    }
    m = QQ.matcher(s);
    while (m.find()) {
      add(out, new Contact(Kind.QQ, m.group(1), false));
    }
    m = URL.matcher(s);
    while (m.find()) {
      add(out, new Contact(Kind.URL, m.group(), false));
    }
    int calls = 0;
    for (String c : CALLS) {
      calls += count(s, c);
    }
    int service = count(s, "维修电话") + count(s, "售后电话") + count(s, "服务电话") + count(s, "客服热线");
    service += count(s, "服务热线") + count(s, "报修");
    int places = 0;
    m = PLACE.matcher(s);
    while (m.find()) {
      places++;
    }
    return new Found(List.copyOf(out), calls, places, service);
  }

  private static void add(List<Contact> out, Contact c) {
    for (Contact known : out) {
      if (known.kind() == c.kind() && known.value().equals(c.value())) {
        return;
      }
    }
    out.add(c);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  /** The phone numbers of {@code s}: digit runs broken by at most three separators at a time. */
  private static void numbers(String s, List<Contact> out) {
    StringBuilder digits = new StringBuilder(16);
    boolean disguised = false;
    int gap = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '\n';
      int d = digit(s, i, c, digits.length() > 0 && gap == 0);
      if (d >= 0) {
        if (c < '0' || c > '9') {
          disguised = true;
        }
        if (gap > 0 && digits.length() > 0 && !(gap == 1 && isDash(s.charAt(i - 1)))) {
          disguised = true; // spaced or dotted digits, beyond the usual 400-123-4567
        }
        digits.append((char) ('0' + d));
        gap = 0;
        continue;
      }
      boolean separator = digits.length() > 0 && gap < 3 && isSeparator(c);
      if (separator) {
        gap++;
        continue;
      }
      phone(digits, disguised, out);
      digits.setLength(0);
      disguised = false;
      gap = 0;
    }
  }

  /**
   * What may stand between the digits of one number: spaces, dashes, dots, slashes, asterisks and
   * symbols (emoji); brackets, colons, commas and letters end it ({@code (1)400…} is not 1400…).
   */
  private static boolean isSeparator(char c) {
    if (" -.·_*/~|=+—–　".indexOf(c) >= 0) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.OTHER_SYMBOL
        || type == Character.MATH_SYMBOL
        || type == Character.SURROGATE
        || type == Character.NON_SPACING_MARK;
  }

  private static boolean isDash(char c) {
    return c == '-';
  }

  /** The digit {@code c} stands for at {@code i}, or -1. */
  private static int digit(String s, int i, char c, boolean inRun) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= '０' && c <= '９') {
      return c - '０'; // full width
    }
    int n = NUMERALS.indexOf(c);
    if (n >= 0) {
      return n == 0 ? 0 : n - 1;
    }
    if (c == '幺') {
      return 1;
    }
    if (c == 'o' || c == 'l' || c == 'i') {
      // a look-alike right after a digit or before one: 4OO, O8
      boolean after = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
      if (inRun || after) {
        return c == 'o' ? 0 : 1;
      }
    }
    return -1;
  }

  private static void phone(StringBuilder digits, boolean disguised, List<Contact> out) {
    int n = digits.length();
    if (n == 10 && (startsWith(digits, "400") || startsWith(digits, "800"))) {
      add(out, new Contact(Kind.SERVICE_NUMBER, digits.toString(), disguised));
    } else if (n == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3') {
      add(out, new Contact(Kind.MOBILE, digits.toString(), disguised));
    }
  }

  private static boolean startsWith(StringBuilder b, String prefix) {
    return b.length() >= prefix.length() && b.substring(0, prefix.length()).equals(prefix);
  }
}
