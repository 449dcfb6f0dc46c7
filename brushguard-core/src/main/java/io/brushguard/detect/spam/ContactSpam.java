package io.brushguard.detect.spam;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Listing;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diversion spam (引流, CONTACT_SPAM): reviews and listings that carry a contact off the platform (a
 * 400 "after-sales hotline" beside 点击咨询, a WeChat or QQ id, a URL), often disguised, and listings
 * stuffed with dozens of place names to catch every local search.
 *
 * <p><b>How the fraud works.</b> A fake service shop, or throwaway accounts on popular shops, post
 * texts whose only purpose is to be seen by buyers searching for help, who then call or add the
 * contact and are served (and charged) off the platform, out of reach of its protections. The
 * contacts are disguised ({@link Contacts}) to slip past keyword filters.
 *
 * <p><b>Reviews</b> (keyed by shop): a review with a contact is flagged, review and author: {@value
 * #STRONG} when it is disguised or beside a call to action, {@value #PLAIN} otherwise. A review
 * naming the shop's own official number (the merchant's registered phone, or a number the shop has
 * shown on its listings for {@link #ESTABLISHED_MILLIS}) is a buyer quoting customer service, and
 * passes. A review with an order phrase but no contact, or with numbers that are no contact (sizes,
 * prices, dates, model numbers), has nothing to flag.
 *
 * <p><b>Listings</b> (keyed by shop): a listing is flagged when it carries a contact that is not
 * the shop's own official number, together with a call to action, a disguise, an id or link, or
 * stuffing; or when it is stuffed (at least {@value #PLACES} place names and a service phrase such
 * as 维修电话) whatever its contacts. Signals on the listing and the shop ({@value #SHOP_STRENGTH}: the
 * shop's own listings divert).
 *
 * <p>Key: the shop. Space: per shop its merchant's phone (kept: one per shop, as merchants are) and
 * at most {@value #MAX_NUMBERS} numbers shown on its listings with their first time (about 100
 * bytes each), forgotten {@code retention} after the shop's last listing. Texts are read up to
 * {@value Contacts#MAX_CHARS} chars.
 *
 * <p>References: 国家市场监督管理总局, 《网络交易监督管理办法》 (2021), on diverting transactions off platforms; the
 * specimen of a fake "official repair hotline" page in the project's seed.
 */
public final class ContactSpam implements Stage<ContactSpam.State> {
  public static final String NAME = "contact-spam";
  public static final String CODE = "CONTACT_SPAM";
  static final double STRONG = 0.9;
  static final double PLAIN = 0.7;
  static final double SHOP_STRENGTH = 0.6;
  static final int PLACES = 10;
  static final int MAX_NUMBERS = 16;
  static final long ESTABLISHED_MILLIS = 30 * 86_400_000L;
  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT, EventType.LISTING, EventType.REVIEW).produces(Signal.class);

  private final long retention;

  public ContactSpam(long retentionMillis) {
    this.retention = retentionMillis;
  }

  /** One shop: its merchant's phone and the numbers its listings show. */
  public static final class State extends Expiring {
    String phone;
    final Map<String, Long> shown = new LinkedHashMap<>();
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
    if (event instanceof Account a) {
      return a.role() == Account.Role.MERCHANT ? a.shop() : null;
    } else if (event instanceof Listing l) {
      return l.shop();
    }
    Review r = (Review) event;
    return r.text() == null || r.text().isEmpty() ? null : r.shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Account a) {
      s.phone = a.phone() == null ? null : digits(a.phone());
    } else if (event instanceof Listing l) {
      listing(s, l, ctx);
    } else {
      review(s, (Review) event, ctx);
    }
  }

  private void review(State s, Review r, Context ctx) {
    Contacts.Found f = Contacts.in(r.text());
    Contacts.Contact c = firstForeign(s, f.contacts(), r.ts());
    if (c == null) {
      return;
    }
    double strength = c.disguised() || f.calls() > 0 ? STRONG : PLAIN;
    String detail = detail(c, f, "review");
    String origin = NAME + "/" + ctx.key();
    ctx.emit(new Signal(EntityKind.REVIEW, r.review(), CODE, origin, strength, r.ts(), detail));
    ctx.emit(new Signal(EntityKind.ACCOUNT, r.account(), CODE, origin, strength, r.ts(), detail));
  }

  private void listing(State s, Listing l, Context ctx) {
    s.touch(ctx, retention);
    String text = l.title() == null ? l.text() : l.title() + "\n" + l.text();
    Contacts.Found f = Contacts.in(text);
    boolean stuffed = f.places() >= PLACES && (f.serviceLines() > 0 || !f.contacts().isEmpty());
    Contacts.Contact c = firstForeign(s, f.contacts(), l.ts());
    boolean diverts =
        c != null
            && (f.calls() > 0
                || c.disguised()
                || stuffed
                || c.kind() != Contacts.Kind.SERVICE_NUMBER);
    for (Contacts.Contact k : f.contacts()) {
      if (isNumber(k) && s.shown.size() < MAX_NUMBERS && !stuffed && !diverts) {
        s.shown.putIfAbsent(k.value(), l.ts());
      }
    }
    if (!diverts && !stuffed) {
      return;
    }
    String detail =
        c != null
            ? detail(c, f, "listing")
            : "listing stuffed with " + f.places() + " place names beside service phrases";
    String origin = NAME + "/" + ctx.key();
    ctx.emit(new Signal(EntityKind.LISTING, l.listing(), CODE, origin, STRONG, l.ts(), detail));
    if (s.shopEmitted < SHOP_STRENGTH) {
      s.shopEmitted = SHOP_STRENGTH;
      ctx.emit(
          new Signal(
              EntityKind.SHOP,
              ctx.key(),
              CODE,
              origin,
              SHOP_STRENGTH,
              l.ts(),
              "the shop's own listing " + l.listing() + " diverts: " + detail));
    }
  }

  /** The first contact that is not the shop's own official number, or null. */
  private static Contacts.Contact firstForeign(State s, List<Contacts.Contact> found, long now) {
    for (Contacts.Contact c : found) {
      if (!official(s, c, now)) {
        return c;
      }
    }
    return null;
  }

  private static boolean official(State s, Contacts.Contact c, long now) {
    if (!isNumber(c)) {
      return false;
    }
    if (c.value().equals(s.phone)) {
      return true;
    }
    Long first = s.shown.get(c.value());
    return first != null && now - first >= ESTABLISHED_MILLIS;
  }

  private static boolean isNumber(Contacts.Contact c) {
    return c.kind() == Contacts.Kind.SERVICE_NUMBER || c.kind() == Contacts.Kind.MOBILE;
  }

  private static String digits(String phone) {
    StringBuilder b = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String detail(Contacts.Contact c, Contacts.Found f, String what) {
    StringBuilder b = new StringBuilder(96);
    b.append(what)
        .append(" carries ")
        .append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
        .append(' ')
        .append(c.masked());
    if (c.disguised()) {
      b.append(" (disguised)");
    }
    if (f.calls() > 0) {
      b.append(", ").append(f.calls()).append(" calls to action");
    }
    if (f.places() >= PLACES) {
      b.append(", ").append(f.places()).append(" place names");
    }
    return b.append(", not the shop's official number").toString();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retention)) {
      s.shown.clear();
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.phone == null && s.shown.isEmpty() && !s.pending();
  }
}
