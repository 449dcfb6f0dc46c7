package io.brushguard.embedded;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's event stream, parsed into memory once, for benchmarks of what comes after
 * parsing. Space: the events themselves (about 300 bytes each).
 *
 * @param events in input order
 * @param lines each event's line in the input
 */
public record SimulatedEvents(List<Event> events, long[] lines) {

  /** Simulates {@code n} events with this seed (every tactic and trap planted, 14 days). */
  static SimulatedEvents simulate(long seed, long n) {
    try {
      Path dir = Files.createTempDirectory("brushguard-bench-sim-");
      try {
        SimulationFiles.write(SimulationSpec.of(seed, n), dir, false);
        return read(dir.resolve(SimulationFiles.eventsFileName(false)));
      } finally {
        try (var files = Files.list(dir)) {
          for (Path p : (Iterable<Path>) files::iterator) {
            Files.delete(p);
          }
        }
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code n} events (the simulator lands within a few percent of its target). */
  SimulatedEvents first(int n) {
    if (events.size() < n) {
      throw new IllegalStateException("only " + events.size() + " events, not " + n);
    }
    return new SimulatedEvents(List.copyOf(events.subList(0, n)), Arrays.copyOf(lines, n));
  }

  /** Every event of a file, in file order, with its line; rejected lines left out. */
  public static SimulatedEvents read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (InputStream in = EventReader.open(file)) {
      new EventReader()
          .read(
              in,
              new EventReader.Sink() {
                @Override
                public void accept(Event event, long line) {
                  events.add(event);
                  lines.add(line);
                }

                @Override
                public void reject(Reject reject) {}
              });
    }
    return new SimulatedEvents(events, lines.stream().mapToLong(Long::longValue).toArray());
  }
}
