package io.brushguard.flink;

import io.brushguard.findings.Json;
import io.brushguard.ingest.Reject;

/**
 * A {@link Reject} as one line of the rejects file, in the CLI's format: {@code
 * {"line":12,"field":"rating","error":"must be 1..5, was 6","text":"..."}}.
 */
final class RejectLines {
  private RejectLines() {}

  static String line(Reject r) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"line\":").append(r.line()).append(",\"field\":");
    Json.string(sb, r.field()).append(",\"error\":");
    Json.string(sb, r.reason()).append(",\"text\":");
    Json.string(sb, r.excerpt()).append('}');
    return sb.toString();
  }
}
