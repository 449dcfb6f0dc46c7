package io.brushguard.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** The type information of the records between the job's operators. */
final class Serializers {
  private Serializers() {}

  static final TypeInformation<Sequenced> SEQUENCED = TypeInformation.of(Sequenced.class);
  static final TypeInformation<NumberedEvent> NUMBERED_EVENT =
      TypeInformation.of(NumberedEvent.class);
  static final TypeInformation<Routed> ROUTED = TypeInformation.of(Routed.class);
  static final TypeInformation<Emitted> EMITTED = TypeInformation.of(Emitted.class);
}
