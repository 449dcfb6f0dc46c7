package io.brushguard.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The type information of the records between the job's operators and in its gate's state: each a
 * {@link RecordTypeInfo}, encoded by {@link RecordCodec}, so no record the job ships falls back to
 * Kryo (the tests run with generic types disabled to prove it). Stage states alone use Kryo, by an
 * explicit {@code KryoSerializer} ({@link StageFunction}).
 */
final class Serializers {
  private Serializers() {}

  static final TypeInformation<Sequenced> SEQUENCED = new RecordTypeInfo<>(Sequenced.class);
  static final TypeInformation<NumberedEvent> NUMBERED_EVENT =
      new RecordTypeInfo<>(NumberedEvent.class);
  static final TypeInformation<Routed> ROUTED = new RecordTypeInfo<>(Routed.class);
  static final TypeInformation<Emitted> EMITTED = new RecordTypeInfo<>(Emitted.class);
}
