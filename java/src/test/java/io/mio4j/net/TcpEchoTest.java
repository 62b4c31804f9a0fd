package io.mio4j.net;

import io.mio4j.Events;
import io.mio4j.Expect;
import io.mio4j.Interest;
import io.mio4j.Poll;
import io.mio4j.Token;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static io.mio4j.Expect.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class TcpEchoTest {
    @Test
    void bytesWrittenByOneStreamAreReadByItsPeer() throws Exception {
        try (Poll poll = Poll.open();
             TcpListener listener = TcpListener.bind(Expect.anyLocalV4())) {
            Events events = Events.withCapacity(16);
            poll.registry().register(listener, Token.of(0), Interest.READABLE);
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                poll.registry().register(client, Token.of(1), Interest.WRITABLE);
                Expect.events(poll, events, event(0, Interest.READABLE), event(1, Interest.WRITABLE));
                try (TcpStream server = listener.accept()) {
                    assertNotNull(server);
                    assertEquals(listener.localAddress(), client.peerAddress());
                    poll.registry().register(server, Token.of(2), Interest.READABLE);
                    assertEquals(5, client.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII))));
                    Expect.events(poll, events, event(2, Interest.READABLE));
                    ByteBuffer buffer = ByteBuffer.allocateDirect(16);
                    assertEquals(5, server.read(buffer));
                    assertEquals(0, server.read(buffer));
                    buffer.flip();
                    assertEquals("hello", StandardCharsets.US_ASCII.decode(buffer).toString());
                }
            }
        }
    }
}
