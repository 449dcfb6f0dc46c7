package io.brushguard.sim;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Listing;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.event.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One simulated market of 100k events (seed 7, or {@code -Dbrushguard.sim.seed=N} to try others),
 * generated once per test JVM and indexed for the assertions of the simulator's tests.
 */
final class SmallMarket {
  static final SimulationSpec SPEC =
      SimulationSpec.of(Long.getLong("brushguard.sim.seed", 7), SimulationSpec.SMALL);
  private static SmallMarket instance;

  final Plan plan;
  final List<Event> events = new ArrayList<>();
  final List<Truth> labels = new ArrayList<>();
  final Map<String, Truth> truth = new HashMap<>();
  final Map<String, Order> orders = new LinkedHashMap<>();
  final Map<String, Review> reviews = new LinkedHashMap<>();
  final Map<String, Account> accounts = new LinkedHashMap<>();
  final Map<String, Payment> payments = new LinkedHashMap<>();
  final Map<String, Listing> listings = new LinkedHashMap<>();
  final Set<String> likes = new HashSet<>();
  final Set<String> shops = new HashSet<>();
  final Map<String, List<Logistics>> scans = new HashMap<>();
  final Map<String, List<View>> viewsBySession = new HashMap<>();
  final List<Link> links = new ArrayList<>();
  final Map<String, String> payerOfAccount = new HashMap<>();
  final Map<String, String> shopPayer = new HashMap<>();

  static synchronized SmallMarket get() {
    if (instance == null) {
      instance = new SmallMarket();
    }
    return instance;
  }

  private SmallMarket() {
    plan =
        MarketSimulator.run(
            SPEC,
            new SimulationOutput() {
              @Override
              public void event(Event event) {
                events.add(event);
              }

              @Override
              public void label(Truth t) {
                labels.add(t);
                truth.putIfAbsent(key(t.entity(), t.id()), t);
              }
            });
    for (Event e : events) {
      switch (e.type()) {
        case ORDER -> {
          Order o = (Order) e;
          orders.put(o.order(), o);
          shops.add(o.shop());
        }
        case REVIEW -> reviews.put(((Review) e).review(), (Review) e);
        case ACCOUNT -> {
          Account a = (Account) e;
          accounts.put(a.account(), a);
          if (a.shop() != null) {
            shops.add(a.shop());
          }
        }
        case PAYMENT -> payments.put(((Payment) e).payment(), (Payment) e);
        case LISTING -> listings.put(((Listing) e).listing(), (Listing) e);
        case LIKE -> likes.add(((Like) e).id());
        case LOGISTICS ->
            scans
                .computeIfAbsent(((Logistics) e).order(), k -> new ArrayList<>())
                .add((Logistics) e);
        case VIEW -> {
          View v = (View) e;
          shops.add(v.shop());
          if (v.session() != null) {
            viewsBySession.computeIfAbsent(v.session(), k -> new ArrayList<>()).add(v);
          }
        }
        case LINK -> {
          Link l = (Link) e;
          links.add(l);
          payerOfAccount.putIfAbsent(l.account(), l.payer());
        }
        default -> {}
      }
    }
    for (Account a : accounts.values()) {
      if (a.role() == Account.Role.MERCHANT) {
        shopPayer.put(a.shop(), payerOfAccount.get(a.account()));
      }
    }
  }

  static String key(EntityKind kind, String id) {
    return kind.wire() + ":" + id;
  }

  Truth truth(EntityKind kind, String id) {
    return truth.get(key(kind, id));
  }

  boolean is(EntityKind kind, String id, Tactic tactic) {
    Truth t = truth(kind, id);
    return t != null && t.fraud() && t.tactic() == tactic;
  }

  boolean is(EntityKind kind, String id, Trap trap) {
    Truth t = truth(kind, id);
    return t != null && t.trap() == trap;
  }

  boolean genuine(EntityKind kind, String id) {
    Truth t = truth(kind, id);
    return t == null || !t.fraud();
  }

  List<Order> orders(Predicate<Order> p) {
    return orders.values().stream().filter(p).toList();
  }

  List<Review> reviews(Predicate<Review> p) {
    return reviews.values().stream().filter(p).toList();
  }

  /** Ids of labelled entities of a kind with this tactic. */
  Set<String> labelled(EntityKind kind, Tactic tactic) {
    Set<String> ids = new HashSet<>();
    for (Truth t : labels) {
      if (t.entity() == kind && t.fraud() && t.tactic() == tactic) {
        ids.add(t.id());
      }
    }
    return ids;
  }

  Set<String> labelled(EntityKind kind, Trap trap) {
    Set<String> ids = new HashSet<>();
    for (Truth t : labels) {
      if (t.entity() == kind && t.trap() == trap) {
        ids.add(t.id());
      }
    }
    return ids;
  }

  /** Hour of day in China (the window starts at local midnight). */
  static int hourOf(long ts) {
    return (int) Math.floorMod((ts - SPEC.start()) / Sim.HOUR, 24L);
  }

  static int dayOf(long ts) {
    return (int) Math.floorDiv(ts - SPEC.start(), Sim.DAY);
  }
}
