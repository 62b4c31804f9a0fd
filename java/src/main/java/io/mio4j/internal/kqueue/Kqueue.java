package io.mio4j.internal.kqueue;

import io.mio4j.internal.io.NativeConstant;
import io.mio4j.internal.loader.Binding;

import java.nio.ByteBuffer;

/**
 * The kqueue of this OS as the binding reports it: the calls, the filter and flag values,
 * and struct kevent's layout (size, and each field's offset and width: 32 bytes on macOS,
 * OpenBSD, DragonFly and libkqueue, 64 on FreeBSD 12+, 40 with 32-bit filter and flags on
 * NetBSD; native/kqueue/ABI.md). Records are read and written by those numbers in
 * native byte order, never by a layout written here.
 */
final class Kqueue {
    /** Held in a static final field: the JIT sees one implementation and inlines its calls. */
    static final KqueueCalls CALLS = Binding.implementation(KqueueCalls.class);

    /** The value of a filter or note this OS lacks: no event ever has it. */
    static final int ABSENT = Integer.MIN_VALUE;

    static final int SIZE = required("SIZEOF_KEVENT");
    private static final int IDENT = field("IDENT", 8, 8);
    private static final int FILTER = required("OFFSETOF_FILTER");
    private static final int FILTER_WIDTH = width("FILTER", 2, 4);
    private static final int FLAGS = required("OFFSETOF_FLAGS");
    private static final int FLAGS_WIDTH = width("FLAGS", 2, 4);
    private static final int FFLAGS = field("FFLAGS", 4, 4);
    private static final int DATA = field("DATA", 8, 8);
    private static final int UDATA = field("UDATA", 8, 8);

    static final int EVFILT_READ = required("EVFILT_READ");
    static final int EVFILT_WRITE = required("EVFILT_WRITE");
    static final int EVFILT_USER = optional("EVFILT_USER");
    static final int EVFILT_AIO = optional("EVFILT_AIO");
    static final int EVFILT_LIO = optional("EVFILT_LIO");
    static final int EV_ADD = required("EV_ADD");
    static final int EV_DELETE = required("EV_DELETE");
    static final int EV_CLEAR = required("EV_CLEAR");
    static final int EV_RECEIPT = required("EV_RECEIPT");
    static final int EV_ERROR = required("EV_ERROR");
    static final int EV_EOF = required("EV_EOF");
    static final int NOTE_TRIGGER = optional("NOTE_TRIGGER");

    private Kqueue() {
    }

    /** A direct, native-order buffer for {@code count} records. */
    static ByteBuffer records(int count) {
        return ByteBuffer.allocateDirect(count * SIZE).order(java.nio.ByteOrder.nativeOrder());
    }

    /** Writes record {@code index}: every other field (data, and FreeBSD's ext[]) zero. */
    static void set(ByteBuffer records, int index, long ident, int filter, int flags, int fflags, long udata) {
        int at = index * SIZE;
        for (int i = 0; i < SIZE; i++) {
            records.put(at + i, (byte) 0);
        }
        records.putLong(at + IDENT, ident);
        put(records, at + FILTER, FILTER_WIDTH, filter);
        put(records, at + FLAGS, FLAGS_WIDTH, flags);
        records.putInt(at + FFLAGS, fflags);
        records.putLong(at + UDATA, udata);
    }

    static long ident(ByteBuffer records, int index) {
        return records.getLong(index * SIZE + IDENT);
    }

    /** Signed where the OS's field is (short); NetBSD's uint32 filters are small. */
    static int filter(ByteBuffer records, int index) {
        int at = index * SIZE + FILTER;
        return FILTER_WIDTH == 2 ? records.getShort(at) : records.getInt(at);
    }

    static int flags(ByteBuffer records, int index) {
        int at = index * SIZE + FLAGS;
        return FLAGS_WIDTH == 2 ? records.getShort(at) & 0xFFFF : records.getInt(at);
    }

    static int fflags(ByteBuffer records, int index) {
        return records.getInt(index * SIZE + FFLAGS);
    }

    static long data(ByteBuffer records, int index) {
        return records.getLong(index * SIZE + DATA);
    }

    static long udata(ByteBuffer records, int index) {
        return records.getLong(index * SIZE + UDATA);
    }

    /** "32 bytes, filter at 8 (2 bytes), flags at 10 (2), data at 16, udata at 24", for diagnostics. */
    static String describe() {
        return SIZE + " bytes, filter at " + FILTER + " (" + FILTER_WIDTH + " bytes), flags at " + FLAGS
                + " (" + FLAGS_WIDTH + "), fflags at " + FFLAGS + ", data at " + DATA + ", udata at " + UDATA;
    }

    private static void put(ByteBuffer records, int at, int width, int value) {
        if (width == 2) {
            records.putShort(at, (short) value);
        } else {
            records.putInt(at, value);
        }
    }

    private static int required(String name) {
        return NativeConstant.required(name, CALLS.constant(name));
    }

    private static int optional(String name) {
        long value = CALLS.constant(name);
        return NativeConstant.known(value) ? (int) value : ABSENT;
    }

    /** A field's offset, after checking that its width is the one this class reads. */
    private static int field(String name, int min, int max) {
        width(name, min, max);
        return required("OFFSETOF_" + name);
    }

    private static int width(String name, int a, int b) {
        int width = required("SIZEOF_" + name);
        if (width != a && width != b) {
            throw new ExceptionInInitializerError("struct kevent." + name.toLowerCase(java.util.Locale.ROOT)
                    + " is " + width + " bytes wide here; mio4j reads " + a + (a == b ? "" : " or " + b));
        }
        return width;
    }
}
