package io.brushguard.flink;

import io.brushguard.credit.ShopStanding;
import io.brushguard.credit.Standing;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.detect.Signal;
import io.brushguard.detect.ring.RingFound;
import io.brushguard.event.Account;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Listing;
import io.brushguard.event.Login;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.SpotCheck;
import io.brushguard.event.View;
import io.brushguard.resolve.LikeLinked;
import io.brushguard.resolve.Linked;
import io.brushguard.resolve.MerchantPayer;
import io.brushguard.resolve.OrderLinked;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A compact binary encoding of records, built once per record class from its components: the job's
 * events, facts and carriers ({@link Routed}, {@link Emitted}, ...) without Kryo.
 *
 * <p><b>Encoding.</b> Components in declaration order: primitives fixed width, {@code String}s as a
 * length and Latin-1 bytes when they fit (null-safe), enums by ordinal (0 for null), lists as a
 * length and their elements, nested records behind a null flag. A component typed by an interface
 * or {@code Object} ({@code Event}, {@code Fact}) carries a one-byte tag: the 13 event types and
 * the core facts have fixed tags ({@link #TAGGED}); any other record (a test or third-party fact)
 * is written with its class name and then encoded the same way, so a new fact runs without
 * registration. A record is rebuilt through its canonical constructor, so its compact constructor's
 * checks run again.
 *
 * <p><b>Limits.</b> Components must be primitives, boxed numbers, {@code String}s, enums, {@code
 * int[]}, {@code List}s of these, or records; anything else fails when the codec is built, naming
 * the component. The encoding is not versioned beyond the serializer snapshot: a savepoint restores
 * into a build with the same record shapes (as with Kryo before).
 *
 * <p>Not thread-safe; each serializer instance ({@link RecordSerializer#duplicate}) has its own.
 */
final class RecordCodec {
  /** Classes with a fixed one-byte tag (index + 1); the order is part of the format. */
  static final List<Class<?>> TAGGED =
      List.of(
          Account.class,
          Login.class,
          Search.class,
          View.class,
          Order.class,
          Payment.class,
          Link.class,
          Logistics.class,
          Review.class,
          Like.class,
          Listing.class,
          Report.class,
          SpotCheck.class,
          Linked.class,
          MerchantPayer.class,
          OrderLinked.class,
          LikeLinked.class,
          Signal.class,
          Finding.class,
          Standing.class,
          ShopStanding.class,
          RingFound.class,
          RingLine.class);

  private static final int NULL_TAG = 0;
  private static final int NAMED_TAG = 255;

  private final ClassLoader loader;
  private final Map<Class<?>, Field> records = new IdentityHashMap<>();
  private final Map<String, Class<?>> named = new HashMap<>();
  private final Map<Class<?>, Integer> tags = new IdentityHashMap<>();

  RecordCodec(ClassLoader loader) {
    this.loader = loader;
    for (int i = 0; i < TAGGED.size(); i++) {
      tags.put(TAGGED.get(i), i + 1);
    }
  }

  /** Writes a record of class {@code type} (not null). */
  void write(Object record, Class<?> type, DataOutputView out) throws IOException {
    recordField(type).write(record, out);
  }

  /** Reads a record of class {@code type}. */
  Object read(Class<?> type, DataInputView in) throws IOException {
    return recordField(type).read(in);
  }

  /** One component's encoding. */
  private interface Field {
    void write(Object value, DataOutputView out) throws IOException;

    Object read(DataInputView in) throws IOException;
  }

  private Field recordField(Class<?> type) {
    Field f = records.get(type);
    if (f == null) {
      f = new RecordField(type);
      records.put(type, f);
    }
    return f;
  }

  private Field field(Type type, String where) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == long.class || raw == Long.class) {
      return raw.isPrimitive() ? LONG : nullable(LONG);
    } else if (raw == int.class || raw == Integer.class) {
      return raw.isPrimitive() ? INT : nullable(INT);
    } else if (raw == double.class || raw == Double.class) {
      return raw.isPrimitive() ? DOUBLE : nullable(DOUBLE);
    } else if (raw == boolean.class || raw == Boolean.class) {
      return raw.isPrimitive() ? BOOLEAN : nullable(BOOLEAN);
    } else if (raw == String.class) {
      return string;
    } else if (raw == int[].class) {
      return nullable(INTS);
    } else if (raw.isEnum()) {
      return new EnumField(raw);
    } else if (raw == List.class) {
      if (!(type instanceof ParameterizedType p)) {
        throw new IllegalArgumentException(where + ": a raw List cannot be encoded");
      }
      return new ListField(field(p.getActualTypeArguments()[0], where + " element"));
    } else if (raw.isRecord()) {
      return nullable(recordField(raw));
    } else if ((raw.isInterface() || raw == Object.class)
        && !Iterable.class.isAssignableFrom(raw)
        && !Map.class.isAssignableFrom(raw)) {
      return new TaggedField();
    }
    throw new IllegalArgumentException(
        where
            + " is a "
            + raw.getName()
            + "; records of primitives, strings, enums, lists and"
            + " records only");
  }

  private static Field nullable(Field f) {
    return new Field() {
      @Override
      public void write(Object value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
          f.write(value, out);
        }
      }

      @Override
      public Object read(DataInputView in) throws IOException {
        return in.readBoolean() ? f.read(in) : null;
      }
    };
  }

  private static final Field LONG =
      new Field() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          out.writeLong((Long) value);
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          return in.readLong();
        }
      };

  /** An {@code int[]} (a MinHash signature): its length, then the ints. */
  private static final Field INTS =
      new Field() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          int[] a = (int[]) value;
          out.writeInt(a.length);
          for (int x : a) {
            out.writeInt(x);
          }
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          int[] a = new int[in.readInt()];
          for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
          }
          return a;
        }
      };

  private static final Field INT =
      new Field() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          out.writeInt((Integer) value);
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          return in.readInt();
        }
      };

  private static final Field DOUBLE =
      new Field() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          out.writeDouble((Double) value);
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          return in.readDouble();
        }
      };

  private static final Field BOOLEAN =
      new Field() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          out.writeBoolean((Boolean) value);
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          return in.readBoolean();
        }
      };

  /**
   * Strings: a length with a Latin-1 flag, then one byte per char when every char fits (ids,
   * tokens, most text here) or two otherwise; -1 for null. Faster than {@code StringValue}, whose
   * thread-local buffer showed in the profile.
   */
  private final Field string =
      new Field() {
        private byte[] buffer = new byte[64];

        @Override
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): Latin-1 as is
        public void write(Object value, DataOutputView out) throws IOException {
          if (value == null) {
            out.writeInt(-1);
            return;
          }
          String v = (String) value;
          int n = v.length();
          boolean latin1 = true;
          for (int i = 0; i < n && latin1; i++) {
            latin1 = v.charAt(i) < 0x100;
          }
          out.writeInt(n << 1 | (latin1 ? 0 : 1));
          if (latin1) {
            if (buffer.length < n) {
              buffer = new byte[Math.max(n, buffer.length * 2)];
            }
            v.getBytes(0, n, buffer, 0);
            out.write(buffer, 0, n);
          } else {
            for (int i = 0; i < n; i++) {
              out.writeChar(v.charAt(i));
            }
          }
        }

        @Override
        @SuppressWarnings("deprecation") // String(byte[], hibyte, ...): Latin-1 without a decoder
        public Object read(DataInputView in) throws IOException {
          int header = in.readInt();
          if (header < 0) {
            return null;
          }
          int n = header >>> 1;
          if ((header & 1) == 0) {
            if (buffer.length < n) {
              buffer = new byte[Math.max(n, buffer.length * 2)];
            }
            in.readFully(buffer, 0, n);
            return new String(buffer, 0, 0, n);
          }
          char[] chars = new char[n];
          for (int i = 0; i < n; i++) {
            chars[i] = in.readChar();
          }
          return new String(chars);
        }
      };

  private static final class EnumField implements Field {
    private final Object[] constants;

    EnumField(Class<?> type) {
      this.constants = type.getEnumConstants();
    }

    @Override
    public void write(Object value, DataOutputView out) throws IOException {
      out.writeShort(value == null ? 0 : ((Enum<?>) value).ordinal() + 1);
    }

    @Override
    public Object read(DataInputView in) throws IOException {
      int i = in.readShort();
      return i == 0 ? null : constants[i - 1];
    }
  }

  private static final class ListField implements Field {
    private final Field element;

    ListField(Field element) {
      this.element = element;
    }

    @Override
    public void write(Object value, DataOutputView out) throws IOException {
      if (value == null) {
        out.writeInt(-1);
        return;
      }
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object e : list) {
        element.write(e, out);
      }
    }

    @Override
    public Object read(DataInputView in) throws IOException {
      int n = in.readInt();
      if (n < 0) {
        return null;
      }
      List<Object> list = new ArrayList<>(n);
      boolean nulls = false;
      for (int i = 0; i < n; i++) {
        Object e = element.read(in);
        nulls |= e == null;
        list.add(e);
      }
      return nulls ? Collections.unmodifiableList(list) : List.copyOf(list);
    }
  }

  /** An interface-typed component: a tag (or the class name), then the record. */
  private final class TaggedField implements Field {
    @Override
    public void write(Object value, DataOutputView out) throws IOException {
      if (value == null) {
        out.writeByte(NULL_TAG);
        return;
      }
      Class<?> c = value.getClass();
      Integer tag = tags.get(c);
      if (tag != null) {
        out.writeByte(tag);
      } else {
        out.writeByte(NAMED_TAG);
        out.writeUTF(c.getName());
      }
      recordField(c).write(value, out);
    }

    @Override
    public Object read(DataInputView in) throws IOException {
      int tag = in.readUnsignedByte();
      if (tag == NULL_TAG) {
        return null;
      }
      Class<?> c = tag == NAMED_TAG ? byName(in.readUTF()) : TAGGED.get(tag - 1);
      return recordField(c).read(in);
    }
  }

  private Class<?> byName(String name) throws IOException {
    Class<?> c = named.get(name);
    if (c == null) {
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot load record class " + name, e);
      }
      named.put(name, c);
    }
    return c;
  }

  /** A record: its components in order, rebuilt through the canonical constructor. */
  private final class RecordField implements Field {
    private final MethodHandle[] accessors;
    private final Field[] fields;
    private final MethodHandle constructor;

    RecordField(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(
            type.getName() + " is not a record; the job's events and facts must be records");
      }
      RecordComponent[] components = type.getRecordComponents();
      accessors = new MethodHandle[components.length];
      fields = new Field[components.length];
      Class<?>[] types = new Class<?>[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      try {
        for (int i = 0; i < components.length; i++) {
          RecordComponent c = components[i];
          types[i] = c.getType();
          var accessor = c.getAccessor();
          if (!Modifier.isPublic(type.getModifiers())
              || !Modifier.isPublic(accessor.getModifiers())) {
            accessor.setAccessible(true);
          }
          accessors[i] =
              lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
          fields[i] = field(c.getGenericType(), type.getSimpleName() + "." + c.getName());
        }
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
        constructor =
            lookup
                .unreflectConstructor(ctor)
                .asType(MethodType.methodType(Object.class, types))
                .asSpreader(Object[].class, types.length);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot encode " + type.getName(), e);
      }
    }

    @Override
    public void write(Object value, DataOutputView out) throws IOException {
      try {
        for (int i = 0; i < fields.length; i++) {
          fields[i].write(accessors[i].invokeExact(value), out);
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    @Override
    public Object read(DataInputView in) throws IOException {
      Object[] args = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        args[i] = fields[i].read(in);
      }
      try {
        return constructor.invokeExact(args);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }
}
