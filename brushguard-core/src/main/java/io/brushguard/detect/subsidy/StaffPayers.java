package io.brushguard.detect.subsidy;

import io.brushguard.detect.cashback.PayerOf;
import io.brushguard.detect.cashback.ShopPayer;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Per payment account of a shop's merchant: which staff accounts also bind it ({@link StaffTie} to
 * the shop).
 *
 * <p>Key: the payment account. Space: per merchant payment account the shop (kept, as merchants'
 * accounts are); per payment account a staff account binds, at most {@value #MAX_STAFF} staff ids.
 */
public final class StaffPayers implements Stage<StaffPayers.State> {
  public static final String NAME = "subsidy-staff-payers";
  static final int MAX_STAFF = 4;
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(ShopPayer.class, PayerOf.class), Set.of(StaffTie.class));

  /** One payment account: its shop and the staff who bind it. */
  public static final class State {
    String shop;
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
  public String keyOf(Fact fact) {
    if (fact instanceof ShopPayer sp) {
      return sp.payer();
    }
    PayerOf p = (PayerOf) fact;
    return p.staff() ? p.payer() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (fact instanceof ShopPayer sp) {
      s.shop = sp.shop();
      for (String staff : s.staff) {
        ctx.emit(new StaffTie(s.shop, staff, "payer " + ctx.key()));
      }
      return;
    }
    String staff = ((PayerOf) fact).account();
    if (s.staff.contains(staff)) {
      return;
    }
    if (s.staff.size() == MAX_STAFF) {
      s.staff.remove(0);
    }
    s.staff.add(staff);
    if (s.shop != null) {
      ctx.emit(new StaffTie(s.shop, staff, "payer " + ctx.key()));
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.staff.isEmpty();
  }
}
