package io.mio4j.internal;

/** What a socket is: decides which options apply to it and what accept() returns. */
public enum SocketKind {
    TCP_STREAM, TCP_LISTENER,
    /** TcpSocket before connect()/listen(): stream and listener options. */
    TCP_SOCKET,
    UDP, UNIX_STREAM, UNIX_LISTENER, UNIX_DATAGRAM;

    /** Unix domain sockets: Unix-only. */
    public boolean isUnix() {
        return this == UNIX_STREAM || this == UNIX_LISTENER || this == UNIX_DATAGRAM;
    }

    /** The kind of the connections a listener accepts. */
    public SocketKind accepted() {
        switch (this) {
            case TCP_LISTENER:
                return TCP_STREAM;
            case UNIX_LISTENER:
                return UNIX_STREAM;
            default:
                throw new IllegalStateException(this + " sockets do not accept");
        }
    }

    /** For messages: "tcp stream", "udp". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
