package io.mio4j.net;

import io.mio4j.Event;
import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mio's tests/close_on_drop.rs: a connection the listener accepts and at once lets go
 * (mio drops it; here it is closed) is seen by the client as end of stream.
 */
class CloseOnDropTest {
    @Test
    void clientReadsEndOfStreamWhenTheAcceptedConnectionIsClosed() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(Expect.anyLocalV4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            poll.registry().register(client, Token.of(1), Interest.WRITABLE);
            Events events = Events.withCapacity(1024);
            boolean readOnce = false;
            boolean endOfStream = false;
            long deadline = System.nanoTime() + Expect.BOUND.toNanos();
            while (!endOfStream) {
                assertTrue(System.nanoTime() < deadline, "no end of stream within the bound");
                poll.poll(events, Expect.BOUND);
                for (Event event : events) {
                    long token = event.token().value();
                    if (event.isReadable() && token == 0) {
                        TcpStream accepted = listener.accept();
                        assertNotNull(accepted);
                        accepted.close();
                    } else if (event.isReadable() && token == 1) {
                        if (!readOnce) {
                            client.read(ByteBuffer.allocate(4096));
                            readOnce = true;
                        }
                        int n = client.read(ByteBuffer.allocate(1024));
                        assertTrue(n == -1 || n == 0, "the client socket should not get data");
                        endOfStream = n == -1;
                        poll.registry().reregister(client, Token.of(1), Interest.READABLE);
                    } else if (event.isWritable() && token == 1) {
                        poll.registry().reregister(client, Token.of(1), Interest.READABLE);
                    }
                }
            }
            assertTrue(readOnce);
            assertEquals(-1, client.read(ByteBuffer.allocate(8)));
        }
    }
}
