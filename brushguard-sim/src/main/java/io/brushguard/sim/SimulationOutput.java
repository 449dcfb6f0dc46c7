package io.brushguard.sim;

import io.brushguard.event.Event;

/**
 * Where a simulation's output goes: events in (nearly) time order, and the ground truth for the
 * entities it labels. A label for an order, review, like, payment, listing or account comes right
 * after the event that introduces it; shop labels come at the end.
 */
public interface SimulationOutput {
  void event(Event event);

  void label(Truth truth);
}
