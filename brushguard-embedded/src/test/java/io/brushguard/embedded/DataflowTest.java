package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Login;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order in which the embedded dataflow hands inputs across stages and keys. */
class DataflowTest {
  /** A fact naming where it came from. */
  record Seen(String what) implements Fact {}

  /** Keyed by account: passes each login on to one shared key, and asks to be woken at once. */
  static final class Relay implements Stage<int[]> {
    @Override
    public String name() {
      return "relay";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.LOGIN).produces(Seen.class);
    }

    @Override
    public String keyOf(Event event) {
      return ((Login) event).account();
    }

    @Override
    public int[] newState() {
      return new int[1];
    }

    @Override
    public void onEvent(int[] state, Event event, Context ctx) {
      ctx.emit(new Seen(ctx.key() + "@" + ctx.now() + "#" + ++state[0]));
      ctx.wakeAt(ctx.now()); // moved just past now
    }

    @Override
    public void onWake(int[] state, long time, Context ctx) {
      ctx.emit(new Seen(ctx.key() + " woke@" + time));
      state[0] = 0;
    }

    @Override
    public boolean isEmpty(int[] state) {
      return state[0] == 0;
    }
  }

  /** One key for everything: logs events and facts in the order it gets them. */
  static final class Log implements Stage<List<String>> {
    final List<String> log;

    Log(List<String> log) {
      this.log = log;
    }

    @Override
    public String name() {
      return "log";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.LOGIN).consumes(Seen.class);
    }

    @Override
    public String keyOf(Event event) {
      return "all";
    }

    @Override
    public String keyOf(Fact fact) {
      return "all";
    }

    @Override
    public List<String> newState() {
      return new ArrayList<>();
    }

    @Override
    public void onEvent(List<String> state, Event event, Context ctx) {
      log.add("event " + ((Login) event).account() + "@" + ctx.now());
    }

    @Override
    public void onFact(List<String> state, Fact fact, Context ctx) {
      log.add("fact " + ((Seen) fact).what());
    }

    @Override
    public boolean isEmpty(List<String> state) {
      return true;
    }
  }

  @Test
  void atOneTime_eventsInLineOrderFirst_thenFactsByEmittingKeyAndCall() {
    List<String> log = new ArrayList<>();
    Topology topology = Topology.of(List.of(new Log(log), new Relay()), Set.of(Seen.class));
    List<String> out = new ArrayList<>();
    Dataflow flow =
        new Dataflow(topology, f -> out.add(((Seen) f).what()), (s, k, e, ex) -> log.add("error"));

    flow.add(new Login("b", 10, null, null), 1);
    flow.add(new Login("a", 10, null, null), 2);
    flow.add(new Login("a", 10, null, null), 3);
    flow.add(new Login("c", 11, null, null), 4);
    flow.finish();

    assertThat(topology.stages()).extracting(Stage::name).containsExactly("relay", "log");
    assertThat(log)
        .containsExactly(
            "event b@10",
            "event a@10",
            "event a@10",
            "fact a@10#1",
            "fact a@10#2",
            "fact b@10#1",
            "event c@11",
            "fact a woke@11",
            "fact b woke@11",
            "fact c@11#1",
            "fact c woke@12");
    assertThat(out).hasSize(7);
  }

  @Test
  void eventsNoStageReads_areNotBuffered() {
    Topology topology = Topology.of(List.of(new Relay()), Set.of(Seen.class));
    List<String> out = new ArrayList<>();
    Dataflow flow = new Dataflow(topology, f -> out.add(((Seen) f).what()), (s, k, e, ex) -> {});

    flow.add(
        new io.brushguard.event.Search("a", "手机壳", 10, null, null, null), 1); // no stage reads it
    flow.add(new Login("a", 10, null, null), 2);
    flow.finish();

    assertThat(out).containsExactly("a@10#1", "a woke@11");
  }

  /** Keyed by account: asks for a wake-up 100 ms after each login and logs the wake-ups. */
  static final class Forgetter implements Stage<int[]> {
    final List<String> log;
    final boolean quiet;

    Forgetter(List<String> log, boolean quiet) {
      this.log = log;
      this.quiet = quiet;
    }

    @Override
    public String name() {
      return "forgetter";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.LOGIN);
    }

    @Override
    public String keyOf(Event event) {
      return ((Login) event).account();
    }

    @Override
    public int[] newState() {
      return new int[1];
    }

    @Override
    public void onEvent(int[] state, Event event, Context ctx) {
      state[0] = 1;
      ctx.wakeAt(ctx.now() + 100);
    }

    @Override
    public void onWake(int[] state, long time, Context ctx) {
      log.add(ctx.key() + " woke@" + time);
      state[0] = 0;
    }

    @Override
    public boolean wakesOnlyForget() {
      return quiet;
    }

    @Override
    public boolean isEmpty(int[] state) {
      return state[0] == 0;
    }
  }

  @Test
  void atTheEnd_wakeUpsThatOnlyForgetAreDroppedOnceTheLastEventHasRun() {
    for (boolean quiet : new boolean[] {false, true}) {
      List<String> log = new ArrayList<>();
      Dataflow flow =
          new Dataflow(
              Topology.of(List.of(new Forgetter(log, quiet)), Set.of()),
              f -> {},
              (s, k, e, ex) -> log.add("error"));
      flow.add(new Login("a", 10, null, null), 1);
      flow.add(new Login("b", 150, null, null), 2);
      flow.finish();
      assertThat(log)
          .as("quiet: " + quiet)
          .containsExactlyElementsOf(
              quiet ? List.of("a woke@110") : List.of("a woke@110", "b woke@250"));
    }
  }
}
