package io.brushguard.detect.subsidy;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Insider subsidy abuse (内外勾结套取补贴): during a platform campaign, a few buyers place many subsidised
 * orders at one shop with subsidies far above what the campaign gives everyone else, often with a
 * platform staff account tied to the shop's merchant.
 *
 * <p><b>How the fraud works.</b> An employee who knows (or sets) the subsidy rules colludes with a
 * merchant; accounts they control buy at the shop in bursts; the platform pays the shop the
 * subsidies. A campaign that subsidises everyone spreads its subsidies over many buyers at the
 * usual rate; abuse concentrates them on a few buyers at a rate no one else gets.
 *
 * <p><b>Per shop and campaign</b>, a buyer is <i>concentrated</i> with at least {@value
 * #CONCENTRATED} subsidised orders, and <i>over the rule</i> when their subsidies are at least
 * twice the share of the price the campaign gives its other (unconcentrated) buyers at the shop
 * ({@link #usualRate}: the third-highest of theirs), and at least 30% (at least 50% when the shop
 * has no other subsidised buyer to compare with).
 *
 * <p><b>Signals</b> (code {@value #CODE}, on the buyer's subsidised orders, the platform's subsidy
 * payments for them, the buyer, the staff account; on the shop {@value #SHOP_STRENGTH}):
 *
 * <ul>
 *   <li>a concentrated buyer over the rule at a shop a staff account is tied to ({@link StaffTie}:
 *       binds the merchant's payment account, or registered on the merchant's device): {@value
 *       #WITH_STAFF}, naming the staff account;
 *   <li>two or more such buyers at one shop in one campaign, no staff tie known: {@value #RING};
 *   <li>one such buyer alone: {@value #ALONE} (a hint: a buyer who stocks up on a generous coupon).
 * </ul>
 *
 * A staff tie alone says nothing (most staff are honest, and some shop).
 *
 * <p>Key: the shop; inputs: its subsidised orders that name a campaign, {@link StaffTie} and {@link
 * SubsidyPaid}. Window: a campaign's counts are kept until {@link #KEEP_MILLIS} after its last
 * subsidised order at the shop. Space per shop: at most {@value #MAX_CAMPAIGNS} campaigns, each
 * with at most {@value #MAX_BUYERS} buyers (about 120 bytes each, plus up to {@value #MAX_ORDERS}
 * order and payment ids) and at most {@value #MAX_PENDING} orders awaiting their subsidy payment;
 * at most {@value #MAX_STAFF} staff ties.
 *
 * <p>References: the 2021 Haidian court case of a platform employee and merchants who took 1.5
 * million yuan of subsidies in two months (刑法 art. 271, 职务侵占).
 */
public final class SubsidyDetector implements Stage<SubsidyDetector.State> {
  public static final String NAME = "subsidy";
  public static final String CODE = "SUBSIDY_ABUSE";
  static final int CONCENTRATED = 4;
  static final int PEERS = 3;
  static final double WITH_STAFF = 0.8;
  static final double RING = 0.6;
  static final double ALONE = 0.29;
  static final double SHOP_STRENGTH = 0.45;
  static final long KEEP_MILLIS = 7 * 86_400_000L;
  static final int MAX_CAMPAIGNS = 4;
  static final int MAX_BUYERS = 512;
  static final int MAX_ORDERS = 64;
  static final int MAX_PENDING = 1024;
  static final int MAX_STAFF = 4;

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER)
          .consumes(StaffTie.class, SubsidyPaid.class)
          .produces(Signal.class);

  private long untracked;

  /** Subsidised orders of buyers past a campaign's buyer cap at a shop, not judged. */
  public long untracked() {
    return untracked;
  }

  /** One buyer's subsidised orders at the shop in one campaign. */
  static final class Buyer {
    final String account;
    int orders;
    long subsidy;
    long amount;
    final List<String> orderIds = new ArrayList<>(4);
    final List<String> payments = new ArrayList<>(4);
    double emitted;

    Buyer(String account) {
      this.account = account;
    }
  }

  /** Orders awaiting their subsidy payment, the oldest dropped past the cap. */
  static final class Pending extends LinkedHashMap<String, Buyer> {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Buyer> eldest) {
      return size() > MAX_PENDING;
    }
  }

  /** One campaign at the shop. */
  static final class Campaign {
    final String id;
    long last;
    long subsidy;
    long amount;
    final Map<String, Buyer> buyers = new LinkedHashMap<>();
    final List<Buyer> concentrated = new ArrayList<>(2);
    final Pending pending = new Pending();

    Campaign(String id) {
      this.id = id;
    }
  }

  /** One shop: its campaigns and the staff tied to it. */
  public static final class State extends Expiring {
    final List<Campaign> campaigns = new ArrayList<>(1);
    final List<StaffTie> staff = new ArrayList<>(1);
    double staffEmitted;
    double shopEmitted;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Event event) {
    Order o = (Order) event;
    return o.subsidy() > 0 && o.campaign() != null ? o.shop() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof StaffTie t ? t.shop() : ((SubsidyPaid) fact).shop();
  }

  /** A subsidy payment for a shop with no campaign held finds no order to join. */
  @Override
  public boolean startsState(Fact fact) {
    return fact instanceof StaffTie;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Order o = (Order) event;
    forget(s, ctx.now());
    Campaign c = campaign(s, o.campaign());
    c.last = o.ts();
    Buyer b = c.buyers.get(o.account());
    if (b == null) {
      if (c.buyers.size() >= MAX_BUYERS) {
        untracked++;
        return;
      }
      b = new Buyer(o.account());
      c.buyers.put(o.account(), b);
    }
    if (b.orderIds.contains(o.order())) {
      return; // delivered again
    }
    b.orders++;
    b.subsidy += o.subsidy();
    b.amount += o.amount();
    c.subsidy += o.subsidy();
    c.amount += o.amount();
    if (b.orders == CONCENTRATED) {
      c.concentrated.add(b);
    }
    s.touch(ctx, KEEP_MILLIS);
    if (b.orderIds.size() < MAX_ORDERS) {
      b.orderIds.add(o.order());
      c.pending.put(o.order(), b);
    }
    judge(s, c, b, ctx);
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (fact instanceof StaffTie t) {
      for (StaffTie known : s.staff) {
        if (known.staff().equals(t.staff())) {
          return;
        }
      }
      if (s.staff.size() == MAX_STAFF) {
        s.staff.remove(0);
      }
      s.staff.add(t);
      for (Campaign c : s.campaigns) {
        judge(s, c, null, ctx);
      }
      return;
    }
    SubsidyPaid paid = (SubsidyPaid) fact;
    for (Campaign c : s.campaigns) {
      Buyer b = c.pending.remove(paid.order());
      if (b != null) {
        b.payments.add(paid.payment());
        if (b.emitted > 0) {
          String origin = NAME + "/" + ctx.key();
          ctx.emit(
              new Signal(
                  EntityKind.PAYMENT, paid.payment(), CODE, origin, b.emitted, ctx.now(), null));
        }
        return;
      }
    }
  }

  /**
   * Judges the concentrated buyers of a campaign; emits for those whose strength changed, and
   * withdraws (strength 0) a buyer no longer over the rule: the campaign's other buyers arrive over
   * its days, and a generous offer that looked like one buyer's may turn out to be everyone's.
   */
  private void judge(State s, Campaign c, Buyer current, Context ctx) {
    if (c.concentrated.isEmpty()) {
      return;
    }
    double usual = usualRate(c);
    int over = 0;
    for (Buyer b : c.concentrated) {
      if (overTheRule(b, usual)) {
        over++;
      }
    }
    StaffTie staff = s.staff.isEmpty() ? null : s.staff.get(s.staff.size() - 1);
    double strength = over == 0 ? 0 : staff != null ? WITH_STAFF : over >= 2 ? RING : ALONE;
    String origin = null;
    // the staff's and the shop's signals carry the detail of the last buyer looked at: it is
    // written only when something is emitted (most calls emit nothing)
    Buyer last = null;
    boolean lastOver = false;
    for (Buyer b : c.concentrated) {
      double target = overTheRule(b, usual) ? strength : 0;
      if (target == 0 && b.emitted == 0) {
        continue;
      }
      last = b;
      lastOver = target != 0;
      if (b.emitted == target) {
        if (b == current) { // as strong as before: only the newest order is new
          String newest = b.orderIds.get(b.orderIds.size() - 1);
          origin = origin != null ? origin : NAME + "/" + ctx.key();
          String detail = detail(ctx.key(), c, b, usual, over, staff);
          ctx.emit(new Signal(EntityKind.ORDER, newest, CODE, origin, target, ctx.now(), detail));
        }
        continue;
      }
      b.emitted = target;
      origin = origin != null ? origin : NAME + "/" + ctx.key();
      String detail = target == 0 ? null : detail(ctx.key(), c, b, usual, over, staff);
      for (String order : b.orderIds) {
        ctx.emit(new Signal(EntityKind.ORDER, order, CODE, origin, target, ctx.now(), detail));
      }
      for (String payment : b.payments) {
        ctx.emit(new Signal(EntityKind.PAYMENT, payment, CODE, origin, target, ctx.now(), detail));
      }
      ctx.emit(new Signal(EntityKind.ACCOUNT, b.account, CODE, origin, target, ctx.now(), detail));
    }
    double staffTarget = staff != null && over > 0 ? strength : 0;
    boolean staffChanged = staff != null && staffTarget != s.staffEmitted;
    double shopTarget = strength >= 0.5 ? SHOP_STRENGTH : 0;
    boolean shopChanged = shopTarget != s.shopEmitted;
    if (!staffChanged && !shopChanged) {
      return;
    }
    origin = origin != null ? origin : NAME + "/" + ctx.key();
    String detail = lastOver ? detail(ctx.key(), c, last, usual, over, staff) : null;
    if (staffChanged) {
      s.staffEmitted = staffTarget;
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT, staff.staff(), CODE, origin, staffTarget, ctx.now(), detail));
    }
    if (shopChanged) {
      s.shopEmitted = shopTarget;
      ctx.emit(new Signal(EntityKind.SHOP, ctx.key(), CODE, origin, shopTarget, ctx.now(), detail));
    }
  }

  static boolean overTheRule(Buyer b, double usual) {
    if (b.orders < CONCENTRATED || b.amount == 0) {
      return false;
    }
    double rate = (double) b.subsidy / b.amount;
    return usual < 0 ? rate >= 0.5 : rate >= 0.3 && rate >= 2 * usual;
  }

  /**
   * What the campaign gives other buyers at the shop: the {@value #PEERS}rd-highest share of the
   * price among its unconcentrated buyers (the highest when fewer), or -1 when there are none. A
   * high rank rather than an average, so a generous subsidy that many buyers get (a platform-wide
   * offer on one item) counts as the rule, however many others get small coupons.
   *
   * <p>Time: O(buyers of the campaign at the shop), run only while some buyer is concentrated.
   */
  static double usualRate(Campaign c) {
    double first = -1;
    double second = -1;
    double third = -1;
    for (Buyer b : c.buyers.values()) {
      if (b.orders >= CONCENTRATED || b.amount == 0) {
        continue;
      }
      double r = (double) b.subsidy / b.amount;
      if (r > first) {
        third = second;
        second = first;
        first = r;
      } else if (r > second) {
        third = second;
        second = r;
      } else if (r > third) {
        third = r;
      }
    }
    return third >= 0 ? third : first;
  }

  private static String detail(
      String shop, Campaign c, Buyer b, double usual, int over, StaffTie staff) {
    StringBuilder d = new StringBuilder(200);
    d.append("buyer ")
        .append(b.account)
        .append(" placed ")
        .append(b.orders)
        .append(" subsidised orders at shop ")
        .append(shop)
        .append(" in campaign ")
        .append(c.id)
        .append(
            String.format(
                Locale.ROOT, ", subsidy %.0f%% of the price", 100.0 * b.subsidy / b.amount));
    if (usual >= 0) {
      d.append(String.format(Locale.ROOT, " (other buyers: %.0f%%)", 100 * usual));
    }
    d.append("; ").append(over).append(" such buyer(s)");
    if (staff != null) {
      d.append("; staff ")
          .append(staff.staff())
          .append(" tied to the shop via ")
          .append(staff.via());
    }
    return d.toString();
  }

  private static Campaign campaign(State s, String id) {
    for (Campaign c : s.campaigns) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    if (s.campaigns.size() == MAX_CAMPAIGNS) {
      s.campaigns.remove(0);
    }
    Campaign c = new Campaign(id);
    s.campaigns.add(c);
    return c;
  }

  private static void forget(State s, long now) {
    List<Campaign> campaigns = s.campaigns;
    for (int i = campaigns.size() - 1; i >= 0; i--) {
      if (now - campaigns.get(i).last > KEEP_MILLIS) {
        campaigns.remove(i);
      }
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, KEEP_MILLIS)) {
      s.campaigns.clear(); // the staff ties stay: a few per shop
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.campaigns.isEmpty() && s.staff.isEmpty();
  }
}
