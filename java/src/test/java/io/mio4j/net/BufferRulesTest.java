package io.mio4j.net;

import io.mio4j.UnixOnly;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** API.md's buffer rules, on the one I/O path that every socket and pipe end shares. */
@UnixOnly
class BufferRulesTest {
    private static final int BIG = 300_000;   // more than the 256 KiB scratch buffer

    /** A direct buffer of 4096 bytes whose Arena (JDK 22+) is already closed. */
    private static ByteBuffer bufferOfAClosedArena() throws Exception {
        assumeTrue(Runtime.version().feature() >= 22, "java.lang.foreign.Arena is final from JDK 22 on");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Object arena = arenaType.getMethod("ofShared").invoke(null);
        Object segment = arenaType.getMethod("allocate", long.class).invoke(arena, 4096L);
        Method asByteBuffer = Class.forName("java.lang.foreign.MemorySegment").getMethod("asByteBuffer");
        ByteBuffer buffer = (ByteBuffer) asByteBuffer.invoke(segment);
        arenaType.getMethod("close").invoke(arena);
        return buffer;
    }

    @Test
    void aBufferWhoseArenaIsClosedIsRefusedBeforeAnyByteMoves() throws Exception {
        ByteBuffer freed = bufferOfAClosedArena();
        UnixStream[] pair = UnixStream.pair();
        try {
            pair[0].write(ByteBuffer.allocateDirect(4096));
            assertThrows(IllegalStateException.class, () -> pair[1].read(freed));
            assertThrows(IllegalStateException.class, () -> pair[1].read(new ByteBuffer[] {ByteBuffer.allocate(1), freed}));
            assertThrows(IllegalStateException.class, () -> pair[0].write(freed));
            assertThrows(IllegalStateException.class, () -> pair[0].write(new ByteBuffer[] {freed}));
            // Nothing was consumed by the refused reads.
            assertEquals(4096, pair[1].read(ByteBuffer.allocate(8192)));
        } finally {
            pair[0].close();
            pair[1].close();
        }
        UnixDatagram[] datagrams = UnixDatagram.pair();
        try {
            assertThrows(IllegalStateException.class, () -> datagrams[0].send(freed));
            datagrams[0].send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertThrows(IllegalStateException.class, () -> datagrams[1].receive(freed));
            assertEquals(3, datagrams[1].receive(ByteBuffer.allocate(16)), "the datagram is still queued");
        } finally {
            datagrams[0].close();
            datagrams[1].close();
        }
    }

    @Test
    void aDatagramLargerThanTheScratchBufferReachesAHeapBufferWhole() throws IOException {
        UnixDatagram[] pair = UnixDatagram.pair();
        try {
            pair[0].setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            pair[1].setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            byte[] data = new byte[BIG];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31);
            }
            assertEquals(BIG, pair[0].send(ByteBuffer.wrap(data)));
            ByteBuffer heap = ByteBuffer.allocate(BIG + 1000);
            assertEquals(BIG, pair[1].receive(heap));
            assertEquals(BIG, pair[1].lastDatagramLength());
            assertArrayEquals(data, Arrays.copyOf(heap.array(), BIG));
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void theSameBufferTwiceInAGatheringWriteIsSentTwiceAsTheJdkDoes() throws IOException {
        for (boolean direct : new boolean[] {true, false}) {
            UnixStream[] pair = UnixStream.pair();
            try {
                ByteBuffer b = direct ? ByteBuffer.allocateDirect(10) : ByteBuffer.allocate(10);
                for (int i = 0; i < 10; i++) {
                    b.put((byte) i);
                }
                b.flip();
                assertEquals(20, pair[0].write(new ByteBuffer[] {b, b}));
                assertEquals(10, b.position(), "position at the limit, no exception");
                ByteBuffer got = ByteBuffer.allocate(64);
                assertEquals(20, pair[1].read(got));
                byte[] expected = new byte[20];
                for (int i = 0; i < 20; i++) {
                    expected[i] = (byte) (i % 10);
                }
                assertArrayEquals(expected, Arrays.copyOf(got.array(), 20));
            } finally {
                pair[0].close();
                pair[1].close();
            }
        }
    }

    @Test
    void theSameBufferTwiceInAScatteringReadLosesNoByte() throws IOException {
        for (boolean direct : new boolean[] {true, false}) {
            UnixStream[] pair = UnixStream.pair();
            try {
                byte[] sent = new byte[20];
                for (int i = 0; i < 20; i++) {
                    sent[i] = (byte) i;
                }
                pair[0].write(ByteBuffer.wrap(sent));
                ByteBuffer r = direct ? ByteBuffer.allocateDirect(8) : ByteBuffer.allocate(8);
                long n = pair[1].read(new ByteBuffer[] {r, r});
                assertEquals(8, n, "the buffer is filled once");
                assertEquals(8, r.position());
                ByteBuffer rest = ByteBuffer.allocate(64);
                assertEquals(12, pair[1].read(rest));
                byte[] got = new byte[20];
                r.flip().get(got, 0, 8);
                rest.flip().get(got, 8, 12);
                assertArrayEquals(sent, got, "every byte arrives once, in order");
            } finally {
                pair[0].close();
                pair[1].close();
            }
        }
    }

    @Test
    void nullVectorsAndNullElementsAreNamedBeforeAnythingHappens() throws IOException {
        UnixStream[] pair = UnixStream.pair();
        try {
            pair[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            NullPointerException e = assertThrows(NullPointerException.class, () -> pair[1].read((ByteBuffer[]) null));
            assertEquals("dsts", e.getMessage());
            e = assertThrows(NullPointerException.class, () -> pair[0].write((ByteBuffer[]) null));
            assertEquals("srcs", e.getMessage());
            e = assertThrows(NullPointerException.class, () -> pair[1].read(new ByteBuffer[] {ByteBuffer.allocate(8), null}));
            assertEquals("dsts[1]", e.getMessage());
            e = assertThrows(NullPointerException.class, () -> pair[0].write(new ByteBuffer[] {ByteBuffer.allocate(8), null}, 0, 2));
            assertEquals("srcs[1]", e.getMessage());
            assertThrows(NullPointerException.class, () -> pair[1].read((ByteBuffer) null));
            assertTrue(pair[1].read(ByteBuffer.allocate(8)) == 3, "the refused reads consumed nothing");
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }
}
