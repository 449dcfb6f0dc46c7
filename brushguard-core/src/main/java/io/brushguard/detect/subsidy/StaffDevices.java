package io.brushguard.detect.subsidy;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff accounts registered on a merchant's device: a {@link StaffTie} to the merchant's shop.
 *
 * <p>Key: the device of a merchant's or a staff account's registration. Space: per such device at
 * most {@value #MAX} shops and {@value #MAX} staff ids, kept (merchants and staff are few).
 */
public final class StaffDevices implements Stage<StaffDevices.State> {
  public static final String NAME = "subsidy-staff-devices";
  static final int MAX = 4;
  private static final Wiring WIRING = Wiring.events(EventType.ACCOUNT).produces(StaffTie.class);

  /** One device: the shops whose merchants and the staff who registered on it. */
  public static final class State {
    final List<String> shops = new ArrayList<>(1);
    final List<String> staff = new ArrayList<>(1);
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
    Account a = (Account) event;
    if (a.device() == null) {
      return null;
    }
    return (a.role() == Account.Role.MERCHANT && a.shop() != null) || a.role() == Account.Role.STAFF
        ? a.device()
        : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Account a = (Account) event;
    String via = "device " + ctx.key();
    if (a.role() == Account.Role.STAFF) {
      if (add(s.staff, a.account())) {
        for (String shop : s.shops) {
          ctx.emit(new StaffTie(shop, a.account(), via));
        }
      }
    } else if (add(s.shops, a.shop())) {
      for (String staff : s.staff) {
        ctx.emit(new StaffTie(a.shop(), staff, via));
      }
    }
  }

  private static boolean add(List<String> list, String id) {
    if (list.contains(id)) {
      return false;
    }
    if (list.size() == MAX) {
      list.remove(0);
    }
    list.add(id);
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shops.isEmpty() && s.staff.isEmpty();
  }
}
