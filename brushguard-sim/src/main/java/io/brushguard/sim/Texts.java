package io.brushguard.sim;

import io.brushguard.sim.Catalog.Category;
import java.util.SplittableRandom;

/**
 * Every text the simulated marketplace writes: genuine reviews in Chinese and English, stock
 * phrases, paid praise from templates, professional complaints, diversion spam, listings, searches,
 * consumer reports.
 *
 * <p>Genuine reviews are assembled from pools of fragments (an opener, one or two things about the
 * item from its {@link Category}, delivery, a detail with a number, a closer), so nearly every one
 * is distinct. Fraudulent texts start from one template per campaign and vary it the way the
 * services that sell them do: synonym swaps, emoji and punctuation noise, so near-duplicates are
 * near, not exact. Fragments are plain constants; building a text is a few appends.
 */
final class Texts {
  private Texts() {}

  // ---- genuine reviews ----------------------------------------------------------------------

  private static final String[] OPENERS = {
    "收到了", "第二次买了", "给我妈买的", "帮同事带的", "等了几天终于到了", "活动价入手的", "对比了好几家才下单", "朋友推荐的",
    "第一次在这家买", "给家里囤的", "买来送人的", "看直播下单的", "老公让买的", "拖了好久才来评价", "先用了一段时间再来说", "之前一直在线下买",
    "第三次回购", "双十一前买的", "女儿挑的款", "趁降价买的"
  };
  private static final String[] DETAILS = {
    "用了%d天", "买了%d个", "前后用了%d周", "家里%d口人都在用", "才%d块钱", "比上次便宜了%d块", "到手%d天了"
  };
  private static final String[] PEOPLE = {"老公", "老婆", "孩子", "我妈", "室友", "同事", "我爸", "闺蜜"};
  private static final String[] PEOPLE_SAY = {"说不错", "很喜欢", "夸了好几次", "也想要一个", "说比之前那个强"};
  private static final String[] DELIVERY_GOOD = {
    "物流很快，%d天就到了", "快递小哥态度很好", "包装很严实", "隔天就到了", "发货挺快的", "下单第%d天收到", "快递送到楼下了"
  };
  private static final String[] DELIVERY_BAD = {"发货有点慢", "快递盒子压扁了", "物流走了%d天", "快递放门口也没打电话"};
  private static final String[] CLOSE_GOOD = {
    "会回购的", "总体满意", "下次还来", "值得入手", "挺满意的", "给个赞", "还会再买", "已经推荐给朋友了", "", "", ""
  };
  private static final String[] CLOSE_MIXED = {"凑合用吧", "一分钱一分货", "还行", "再观察看看", "中规中矩", ""};
  private static final String[] CLOSE_BAD = {"不会再买了", "已申请退货", "大家谨慎购买", "失望", "后悔买了"};
  private static final String[] BUT = {"，就是", "，但是", "。不过", "，可惜"};
  private static final String[] ENDS = {"。", "！", "", "～", "。", "。"};
  private static final String[] LIGHT_EMOJI = {"😊", "👍", "😂", "🙂"};

  private static final String[] OPENERS_EN = {
    "Bought this for my mum.", "Second order from this shop.", "Got it on sale.",
        "Ordered on a friend's advice.",
    "Using it for %d days now.", "", "", ""
  };
  private static final String[] DELIVERY_EN = {
    "Arrived in %d days.",
    "Shipping was quick.",
    "Packaging was solid.",
    "Delivery took a while.",
    ""
  };
  private static final String[] CLOSE_GOOD_EN = {
    "Would buy again.", "Happy with it.", "My family likes it.", "No complaints.", ""
  };
  private static final String[] CLOSE_MIXED_EN = {
    "It's okay.", "You get what you pay for.", "Average."
  };
  private static final String[] CLOSE_BAD_EN = {
    "Returning it.", "Would not buy again.", "Disappointed."
  };

  /** Phrases sellers and paid reviewers overuse, which genuine buyers also write. */
  static final String[] STOCK_PHRASES = {"物美价廉", "性价比很高", "五星好评", "物超所值", "质量很好", "值得购买"};

  static final String[] STOCK_PHRASES_EN = {"Great value", "Value for money", "Highly recommend"};

  /** A genuine review of an item of {@code category} with this rating. */
  static String genuineReview(SplittableRandom rnd, Category category, int rating) {
    return Rand.chance(rnd, 0.12) ? english(rnd, category, rating) : chinese(rnd, category, rating);
  }

  /** A genuine review that happens to contain a stock phrase (the stock-phrase trap). */
  static String genuineWithStockPhrase(SplittableRandom rnd, Category category, int rating) {
    boolean english = Rand.chance(rnd, 0.15);
    String body = english ? english(rnd, category, rating) : chinese(rnd, category, rating);
    String phrase = english ? Rand.pick(rnd, STOCK_PHRASES_EN) : Rand.pick(rnd, STOCK_PHRASES);
    String sep =
        english
            ? (Rand.chance(rnd, 0.5) ? "! " : ". ")
            : Rand.pick(rnd, new String[] {"，", "！", "。"});
    return Rand.chance(rnd, 0.5) ? phrase + sep + body : body + (english ? " " : "") + phrase;
  }

  private static String chinese(SplittableRandom rnd, Category c, int rating) {
    StringBuilder b = new StringBuilder(64);
    if (Rand.chance(rnd, 0.55)) {
      clause(b, rnd, Rand.pick(rnd, OPENERS));
    }
    if (rating >= 4) {
      clause(b, rnd, Rand.pick(rnd, c.praise()));
      if (Rand.chance(rnd, 0.45)) {
        clause(b, rnd, Rand.pick(rnd, c.praise()));
      }
      if (Rand.chance(rnd, 0.5)) {
        clause(b, rnd, Rand.pick(rnd, rating == 5 ? DELIVERY_GOOD : DELIVERY_BAD));
      }
    } else if (rating == 3) {
      clause(b, rnd, Rand.pick(rnd, c.praise()));
      b.append(Rand.pick(rnd, BUT));
      fill(b, rnd, Rand.pick(rnd, Rand.chance(rnd, 0.5) ? c.complaints() : DELIVERY_BAD));
    } else {
      clause(b, rnd, Rand.pick(rnd, c.complaints()));
      if (Rand.chance(rnd, 0.4)) {
        clause(b, rnd, Rand.pick(rnd, c.complaints()));
      }
    }
    if (Rand.chance(rnd, 0.4)) {
      if (Rand.chance(rnd, 0.5)) {
        clause(b, rnd, Rand.pick(rnd, DETAILS));
      } else {
        clause(b, rnd, Rand.pick(rnd, PEOPLE) + Rand.pick(rnd, PEOPLE_SAY));
      }
    }
    String[] closers = rating >= 4 ? CLOSE_GOOD : rating == 3 ? CLOSE_MIXED : CLOSE_BAD;
    clause(b, rnd, Rand.pick(rnd, closers));
    b.append(Rand.pick(rnd, ENDS));
    if (rating >= 4 && Rand.chance(rnd, 0.06)) {
      b.append(Rand.pick(rnd, LIGHT_EMOJI));
    }
    return b.toString();
  }

  private static String english(SplittableRandom rnd, Category c, int rating) {
    StringBuilder b = new StringBuilder(64);
    sentence(b, rnd, Rand.pick(rnd, OPENERS_EN));
    if (rating >= 4) {
      sentence(b, rnd, Rand.pick(rnd, c.praiseEn()) + ".");
    } else if (rating == 3) {
      sentence(
          b,
          rnd,
          Rand.pick(rnd, c.praiseEn()) + ", but " + lower(Rand.pick(rnd, c.complaintsEn())) + ".");
    } else {
      sentence(b, rnd, Rand.pick(rnd, c.complaintsEn()) + ".");
    }
    sentence(b, rnd, Rand.pick(rnd, DELIVERY_EN));
    String[] closers = rating >= 4 ? CLOSE_GOOD_EN : rating == 3 ? CLOSE_MIXED_EN : CLOSE_BAD_EN;
    sentence(b, rnd, Rand.pick(rnd, closers));
    if (b.length() == 0) {
      b.append(c.english()).append(rating >= 4 ? " is good." : " is not good.");
    }
    return b.toString();
  }

  private static void clause(StringBuilder b, SplittableRandom rnd, String fragment) {
    if (fragment.isEmpty()) {
      return;
    }
    if (b.length() > 0 && !endsWithPunctuation(b)) {
      b.append(Rand.chance(rnd, 0.8) ? "，" : Rand.chance(rnd, 0.5) ? "。" : " ");
    }
    fill(b, rnd, fragment);
  }

  private static void sentence(StringBuilder b, SplittableRandom rnd, String fragment) {
    if (fragment.isEmpty()) {
      return;
    }
    if (b.length() > 0) {
      b.append(' ');
    }
    fill(b, rnd, fragment);
  }

  /** Appends the fragment, replacing a {@code %d} with a small number. */
  private static void fill(StringBuilder b, SplittableRandom rnd, String fragment) {
    int at = fragment.indexOf("%d");
    if (at < 0) {
      b.append(fragment);
    } else {
      b.append(fragment, 0, at)
          .append(Rand.between(rnd, 2, 15))
          .append(fragment, at + 2, fragment.length());
    }
  }

  private static boolean endsWithPunctuation(StringBuilder b) {
    char last = b.charAt(b.length() - 1);
    return last == '，' || last == '。' || last == '！' || last == ',' || last == '.';
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  // ---- paid praise, complaints and spam -----------------------------------------------------

  /**
   * A template with slots; each slot is a set of synonyms. A campaign takes one template with a
   * base wording ({@link #campaign}); each of its texts keeps the base word in most slots and swaps
   * in a synonym in the others, then adds noise.
   *
   * @param base index of the campaign's word in each slot, or null for a bare template
   */
  record Template(String[][] slots, boolean english, int[] base) {
    Template(String[][] slots, boolean english) {
      this(slots, english, null);
    }

    /** This template with a random base wording, for one campaign. */
    Template campaign(SplittableRandom rnd) {
      int[] words = new int[slots.length];
      for (int i = 0; i < slots.length; i++) {
        words[i] = rnd.nextInt(slots[i].length);
      }
      return new Template(slots, english, words);
    }
  }

  /** How often a campaign's text swaps a slot's base word for a synonym. */
  private static final double SWAP = 0.3;

  private static final Template[] PRAISE =
      new Template[] {
        new Template(
            new String[][] {
              {"超赞", "太赞了", "超级赞", "绝了", "真不错", "很棒"},
              {"物美价廉", "价廉物美", "性价比超高", "质优价廉", "物超所值"},
              {"五星好评", "五分好评", "必须五星", "给五星", "好评"}
            },
            false),
        new Template(
            new String[][] {
              {"质量很好", "质量超好", "质量不错", "品质很好"},
              {"物流很快", "发货很快", "物流超快", "快递很给力"},
              {"好评", "五星好评", "满分好评", "好评好评"}
            },
            false),
        new Template(
            new String[][] {
              {"宝贝收到了", "东西收到了", "收到宝贝了", "已收到"},
              {"和描述一致", "跟图片一样", "与描述相符", "和卖家说的一样"},
              {"推荐购买", "值得购买", "强烈推荐", "推荐给大家"}
            },
            false),
        new Template(
            new String[][] {
              {"非常满意", "十分满意", "特别满意", "很满意"},
              {"客服很耐心", "客服态度好", "卖家很热情", "服务很周到"},
              {"下次还来", "还会回购", "会再来的", "回购无数次"}
            },
            false),
        new Template(
            new String[][] {
              {"Great product", "Excellent product", "Amazing item", "Awesome product"},
              {"highly recommend", "strongly recommend", "recommend to everyone", "must buy"},
              {"five stars", "5 stars", "5/5", "full marks"}
            },
            true),
      };

  private static final Template[] COMPLAINT =
      new Template[] {
        new Template(
            new String[][] {
              {"质量太差了", "质量极差", "东西太差", "质量差到离谱"},
              {"和描述完全不符", "跟图片完全两样", "货不对板", "严重虚假宣传"},
              {"客服态度恶劣", "客服爱答不理", "客服推卸责任", "找客服没人管"},
              {"大家千万别买", "千万不要买", "劝大家别买", "避雷避雷"}
            },
            false),
        new Template(
            new String[][] {
              {"收到就是坏的", "用一次就坏了", "拆开就有问题", "到手就不能用"},
              {"怀疑是假货", "明显是假货", "不是正品", "三无产品"},
              {"要求退一赔三", "必须给个说法", "已经投诉了", "要求赔偿"},
              {"垃圾店铺", "黑心商家", "骗子店", "无良商家"}
            },
            false),
      };

  private static final String[] NOISE = {
    "", "", "👍", "👍👍", "❤️", "😊", "!!!", "～～", "[赞]", "🎉", "！！"
  };
  private static final String[] ANGRY_NOISE = {"", "！！！", "😡", "!!", "。。。", "👎"};

  /** A praise template with a base wording, for one campaign. */
  static Template praiseTemplate(SplittableRandom rnd, boolean allowEnglish) {
    Template t = Rand.pick(rnd, PRAISE);
    while (t.english() && !allowEnglish) {
      t = Rand.pick(rnd, PRAISE);
    }
    return t.campaign(rnd);
  }

  /** A complaint template with a base wording, for one crew. */
  static Template complaintTemplate(SplittableRandom rnd) {
    return Rand.pick(rnd, COMPLAINT).campaign(rnd);
  }

  /** One paid five-star text from a campaign's template: synonyms swapped, noise added. */
  static String fromTemplate(SplittableRandom rnd, Template t) {
    return fill(rnd, t, NOISE);
  }

  /** One professional complaint from a ring's template. */
  static String complaint(SplittableRandom rnd, Template t) {
    return fill(rnd, t, ANGRY_NOISE);
  }

  private static String fill(SplittableRandom rnd, Template t, String[] noise) {
    StringBuilder b = new StringBuilder(48);
    String[][] slots = t.slots();
    for (int i = 0; i < slots.length; i++) {
      if (i > 0) {
        b.append(
            t.english()
                ? (Rand.chance(rnd, 0.8) ? ", " : "! ")
                : Rand.chance(rnd, 0.85) ? "，" : Rand.chance(rnd, 0.5) ? "," : " ");
      }
      String word =
          t.base() == null || Rand.chance(rnd, SWAP)
              ? Rand.pick(rnd, slots[i])
              : slots[i][t.base()[i]];
      if (!t.english() && Rand.chance(rnd, 0.05)) {
        word = word.charAt(0) + word; // a stutter such as 超超赞, as typed in a hurry
      }
      b.append(word);
    }
    b.append(Rand.pick(rnd, noise));
    if (Rand.chance(rnd, 0.3)) {
      b.append(Rand.pick(rnd, noise));
    }
    return b.toString();
  }

  // ---- diversion spam ------------------------------------------------------------------------

  private static final String[] SPAM_BRANDS = {
    "恒固", "安泰盾", "金狮", "欧朗", "瑞丰", "康顿", "美佳乐", "万家盾", "德力威", "泰和"
  };
  private static final String[] SPAM_PRODUCTS = {
    "保险柜", "热水器", "燃气灶", "智能锁", "空调", "洗衣机", "油烟机", "净水器", "壁挂炉"
  };
  private static final String[] SPAM_PROMISES = {
    "30分钟响应，修不好不收费", "原厂配件，维修后质保一年", "师傅持证上岗，收费明码标价", "节假日照常上门", "先检测后报价，不满意不收费"
  };
  private static final String[] SPAM_LINES = {
    "%s%s售后维修服务电话：%s", "%s%s全国统一客服热线 %s", "%s%s故障报修专线：%s", "%s%s附近维修师傅电话多少？%s"
  };
  private static final String[] SPAM_HEADINGS = {"%s%s24小时上门维修网点", "%s%s官方授权维修中心", "%s%s售后服务中心"};
  private static final String[] CONSULT = {"（点击咨询）", "(点击咨询)", "【点击咨询】", " 点击咨询", ""};

  /** Places a spammer pastes by the dozen to match every local search. */
  private static final String[] PLACES = {
    "杭州市西湖区", "杭州市萧山区", "宁波市鄞州区", "温州市鹿城区", "南京市玄武区", "南京市江宁区", "苏州市姑苏区", "无锡市滨湖区", "合肥市蜀山区",
    "芜湖市镜湖区", "福州市台江区", "厦门市思明区", "泉州市晋江市", "南昌市东湖区", "赣州市章贡区", "济南市历城区", "青岛市黄岛区", "烟台市芝罘区",
    "郑州市金水区", "洛阳市涧西区", "武汉市洪山区", "武汉市江汉区", "宜昌市西陵区", "长沙市岳麓区", "株洲市天元区", "广州市天河区", "广州市海珠区",
    "深圳市南山区", "深圳市宝安区", "佛山市顺德区", "珠海市香洲区", "南宁市青秀区", "桂林市七星区", "海口市美兰区", "成都市锦江区", "成都市双流区",
    "绵阳市涪城区", "重庆市渝中区", "重庆市江北区", "贵阳市南明区", "遵义市红花岗区", "昆明市五华区", "大理市下关镇", "西安市碑林区", "宝鸡市渭滨区",
    "兰州市城关区", "西宁市城西区", "银川市兴庆区", "乌鲁木齐市天山区", "太原市小店区", "大同市平城区", "石家庄市长安区", "保定市竞秀区", "唐山市路北区",
    "天津市南开区", "北京市朝阳区", "北京市海淀区", "上海市浦东新区", "上海市徐汇区", "沈阳市和平区", "大连市中山区", "长春市朝阳区", "哈尔滨市南岗区",
    "呼和浩特市新城区", "包头市昆都仑区", "拉萨市城关区", "三亚市吉阳区", "常州市武进区", "徐州市鼓楼区", "扬州市邗江区", "绍兴市越城区", "嘉兴市南湖区"
  };

  /** The contact a spam campaign pushes, fixed per campaign. */
  record Contact(
      String brand, String product, String phone, String wechat, String qq, String url) {}

  static Contact spamContact(SplittableRandom rnd) {
    String brand = Rand.pick(rnd, SPAM_BRANDS);
    String product = Rand.pick(rnd, SPAM_PRODUCTS);
    String phone = "400-" + Rand.between(rnd, 100, 999) + "-" + Rand.between(rnd, 1000, 9999);
    String wechat =
        Rand.pick(rnd, new String[] {"fw", "wx", "kf", "sh"}) + Rand.between(rnd, 10000, 999999);
    String qq = Integer.toString(Rand.between(rnd, 10_000_000, 999_999_999));
    String url =
        "www."
            + Rand.pick(rnd, new String[] {"fuwu", "weixiu", "kefu", "baoxiu"})
            + Rand.between(rnd, 10, 999)
            + ".cn";
    return new Contact(brand, product, phone, wechat, qq, url);
  }

  /**
   * The phone number as spammers write it to slip past filters: spaced, dotted, with look-alikes (O
   * for 0), full-width digits, Chinese numerals (四零零) or symbols between the digits.
   */
  private static String disguisedPhone(SplittableRandom rnd, String phone) {
    return switch (rnd.nextInt(8)) {
      case 0 -> phone.replace('0', 'O');
      case 1 -> String.join(" ", phone.split(""));
      case 2 -> phone.replace("-", "");
      case 3 -> mapDigits(phone, "０１２３４５６７８９");
      case 4 -> mapDigits(phone, "零一二三四五六七八九").replace("-", "·");
      case 5 -> phone.replace('-', '.');
      case 6 -> String.join(Rand.pick(rnd, new String[] {"*", "~", "☎", "/"}), phone.split("-"));
      default -> phone;
    };
  }

  private static String mapDigits(String phone, String digits) {
    StringBuilder b = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      b.append(c >= '0' && c <= '9' ? digits.charAt(c - '0') : c);
    }
    return b.toString();
  }

  /** A spam listing: service lines with the contact, a promise, then a long list of places. */
  static String spamListing(SplittableRandom rnd, Contact c) {
    StringBuilder b = new StringBuilder(600);
    int lines = Rand.between(rnd, 3, 6);
    for (int i = 0; i < lines; i++) {
      String phone =
          (i == 0 ? c.phone() : disguisedPhone(rnd, c.phone())) + Rand.pick(rnd, CONSULT);
      String line =
          i > 0 && Rand.chance(rnd, 0.3)
              ? Rand.pick(rnd, SPAM_HEADINGS)
              : Rand.pick(rnd, SPAM_LINES);
      b.append(String.format(line, c.brand(), c.product(), phone)).append('\n');
    }
    b.append("本店承诺：").append(Rand.pick(rnd, SPAM_PROMISES)).append('\n');
    if (Rand.chance(rnd, 0.5)) {
      b.append("加微信").append(c.wechat()).append("或QQ ").append(c.qq()).append(" 预约上门\n");
    }
    b.append(c.brand()).append(c.product()).append("维修服务覆盖区域：\n");
    int places = Rand.between(rnd, 15, 45);
    for (int i = 0; i < places; i++) {
      b.append(i == 0 ? "" : i % 9 == 0 ? "\n" : "、").append(Rand.pick(rnd, PLACES));
    }
    return b.toString();
  }

  static String spamListingTitle(SplittableRandom rnd, Contact c) {
    return c.brand() + c.product() + Rand.pick(rnd, new String[] {"售后服务", "维修热线", "上门维修", "客服中心"});
  }

  /** A review that carries the campaign's contact, dressed as a buyer's tip or a coupon offer. */
  static String spamReview(SplittableRandom rnd, Contact c) {
    return switch (rnd.nextInt(5)) {
      case 0 ->
          "东西还行，有需要"
              + c.product()
              + "维修的朋友可以打"
              + disguisedPhone(rnd, c.phone())
              + Rand.pick(rnd, CONSULT);
      case 1 ->
          "领内部优惠券"
              + Rand.pick(rnd, new String[] {"加V：", "加微信", "薇信", "V信 ", "VX:", "加v "})
              + c.wechat()
              + "，比这里便宜一半";
      case 2 -> "同款更便宜的看这里 " + (Rand.chance(rnd, 0.5) ? c.url() : "t.cn/" + c.wechat()) + " 包邮";
      case 3 ->
          c.brand()
              + c.product()
              + "坏了别乱找人修，官方售后"
              + c.phone()
              + "，"
              + Rand.pick(rnd, PLACES)
              + "都能上门";
      default -> "好评！" + "兼职刷单日结，加扣扣" + c.qq();
    };
  }

  // ---- listings and searches -----------------------------------------------------------------

  private static final String[] LISTING_OPENERS = {"【新品】", "【热卖】", "【包邮】", "【限时折扣】", "", ""};
  private static final String[] SERVICES = {
    "48小时内发货", "7天无理由退换", "赠送运费险", "假一赔十", "支持验货", "全国包邮（偏远地区除外）"
  };

  static String listingTitle(SplittableRandom rnd, Category c) {
    return Rand.pick(rnd, c.modifiers())
        + Rand.pick(rnd, c.modifiers())
        + Rand.pick(rnd, c.heads());
  }

  static String listingText(SplittableRandom rnd, Category c, String title) {
    return Rand.pick(rnd, LISTING_OPENERS)
        + title
        + "，"
        + Rand.pick(rnd, c.praise())
        + "。"
        + Rand.pick(rnd, SERVICES)
        + "，"
        + Rand.pick(rnd, SERVICES)
        + "。";
  }

  /** What a browsing buyer types: a head term, sometimes with a modifier or two. */
  static String query(SplittableRandom rnd, Category c) {
    String head = Rand.pick(rnd, c.heads());
    double u = rnd.nextDouble();
    if (u < 0.45) {
      return head;
    }
    if (u < 0.85) {
      return Rand.pick(rnd, c.modifiers()) + head;
    }
    return head + " " + Rand.pick(rnd, c.modifiers()) + " " + Rand.pick(rnd, c.modifiers());
  }

  /** A long-tail query of the kind brokers hand to brushers so the target shop ranks first. */
  static String longTailQuery(SplittableRandom rnd, Category c) {
    StringBuilder b = new StringBuilder(Rand.pick(rnd, c.heads()));
    int n = Rand.between(rnd, 3, 5);
    String[] mods = c.modifiers();
    int first = rnd.nextInt(mods.length);
    for (int i = 0; i < n; i++) {
      b.append(' ').append(mods[(first + i * 3) % mods.length]);
    }
    if (Rand.chance(rnd, 0.5)) {
      b.append(' ').append(Rand.pick(rnd, new String[] {"2025新款", "官方旗舰", "正品", "包邮", "同款"}));
    }
    return b.toString();
  }

  // ---- reports and inspections ---------------------------------------------------------------

  static String reportText(SplittableRandom rnd, String category) {
    return switch (category) {
      case "cashback_invite" ->
          Rand.pick(
              rnd,
              new String[] {
                "包裹里有一张好评返现卡，写着五星好评截图加微信返" + Rand.between(rnd, 3, 20) + "元",
                "客服私信说给五星好评就返红包，这不是刷单吗",
                "商家让我好评后加微信领现金，附截图"
              });
      case "fake_review" ->
          Rand.pick(
              rnd, new String[] {"这家店的评价几乎一模一样，明显是刷的", "好评都是同几句话，买回来根本不是那样", "评论区全是五星套话，怀疑水军"});
      case "brushing" ->
          Rand.pick(rnd, new String[] {"这家店销量一夜之间暴涨，怀疑刷单", "同一批账号在这家店反复下单", "有人组织刷单，我收到了任务截图"});
      case "spam" ->
          Rand.pick(rnd, new String[] {"评论里有人留电话号码打广告", "商品评价里在拉人加微信", "评价里是维修广告，和商品无关"});
      case "fake_logistics" -> Rand.pick(rnd, new String[] {"物流显示已签收但我什么也没收到", "快递单号查出来是别的城市签收的"});
      default ->
          Rand.pick(
              rnd,
              new String[] {"买到的东西质量很差，商家不处理", "商品和描述不符，申请退货被拒", "商家发错货还不给退", "收到的东西有破损，客服一直拖"});
    };
  }

  static final String[] AGENCIES = {"市场监管抽检中心", "第三方质检机构", "消费者协会委托检测", "省产品质量监督检验院"};

  static String spotCheckNote(SplittableRandom rnd, boolean pass) {
    return pass
        ? Rand.pick(rnd, new String[] {"符合标准", "资质齐全", "抽检合格", "标签规范"})
        : Rand.pick(rnd, new String[] {"实测含量低于标称值", "营业执照与经营范围不符", "产品标签不规范", "材质与宣传不符", "资质文件过期"});
  }
}
